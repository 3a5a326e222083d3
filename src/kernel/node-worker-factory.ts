/**
 * A RuntimeWorkerFactory over Node worker_threads, so the headless hosts (the Jupyter kernel's
 * Node process) run cells exactly as the browser does: in a separate execution context that the
 * RuntimeClient can terminate when a cell is stuck in synchronous code. A worker that exits by
 * itself (a cell calling process.exit(), running out of memory) is reported as an error and the
 * client makes a new one for the next cell; the host process keeps serving.
 */
import { Worker } from 'node:worker_threads';
import type { RuntimeWorker, RuntimeWorkerFactory } from '../runtime/runtime-client';

/** Heap limit of one execution context: a runaway cell dies alone instead of the kernel. */
export const WORKER_HEAP_MB = 2048;

/** Makes workers running `file` (the bundled src/kernel/kernel-worker.ts). */
export function nodeWorkerFactory(file: string): RuntimeWorkerFactory {
  if (typeof file !== 'string' || file === '') {
    throw new TypeError(`nodeWorkerFactory(): file must be the path of the worker bundle, got ${String(file)}`);
  }
  return (): RuntimeWorker => {
    const worker = new Worker(file, {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: false,
      stderr: false
    });
    let terminated = false;
    const adapter: RuntimeWorker = {
      onmessage: null,
      onerror: null,
      postMessage: message => worker.postMessage(message),
      terminate: () => {
        terminated = true;
        return worker.terminate();
      }
    };
    worker.on('message', data => adapter.onmessage?.({ data }));
    worker.on('error', error => adapter.onerror?.({ message: describeError(error) }));
    worker.on('exit', code => {
      if (!terminated)
        adapter.onerror?.({
          message: `the execution context exited (exit code ${code}), e.g. process.exit() in a cell`
        });
    });
    // A worker must not keep the host alive on its own (the host decides when to quit).
    worker.unref();
    return adapter;
  };
}

function describeError(error: unknown): string {
  const code = (error as { code?: string })?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return `the execution context ran out of memory (${WORKER_HEAP_MB} MB heap)`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
