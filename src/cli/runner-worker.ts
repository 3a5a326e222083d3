/**
 * The worker thread the CLI runs cells in (one CellSession, so declarations carry over). Cell
 * code here cannot end the CLI (`process.exit` ends this thread only) nor poison it (this thread
 * has its own JavaScript realm); after each cell the built-ins are checked and put back, and a cell
 * that replaced some is reported so the CLI replaces this worker. The heap ceiling is set by the CLI
 * (resourceLimits): running out of memory ends this thread alone.
 */
import { parentPort } from 'node:worker_threads';
import { CellSession, guardIntrinsics } from '../runtime';
import type { NbOutput } from '../protocol';
import type { FromRunner, ToRunner } from './runner-protocol';

/** Serves the runner protocol on this worker thread's port. */
export function serveRunner(): void {
  const port = parentPort;
  if (!port) throw new Error('runner-worker: not in a worker thread');
  // Captured now: a cell may replace the prototype's method (the realm is the cell's too).
  const postMessage = port.postMessage;
  const apply = Reflect.apply;
  const then = Promise.prototype.then;
  const post = (message: FromRunner): void => void apply(postMessage, port, [message]);
  const restoreIntrinsics = guardIntrinsics();
  const session = new CellSession();
  let running = -1;
  port.on('message', (message: ToRunner) => {
    if (message.type === 'interrupt') {
      if (message.id === running) session.interrupt();
      return;
    }
    const id = message.id;
    running = id;
    let status: 'ok' | 'error' | 'interrupted' = 'error';
    const finish = (failure?: unknown): void => {
      running = -1;
      const names = restoreIntrinsics();
      // A runtime broken by the cell's own change to built-ins: the poisoning is the error to show.
      if (failure !== undefined && names.length === 0) post({ type: 'output', id, output: internalError(failure) });
      if (names.length > 0) post({ type: 'poisoned', id, names });
      post({ type: 'done', id, status });
    };
    const done = session.runCell(message.request, output => post({ type: 'output', id, output }));
    apply(then, done, [
      (result: { status: typeof status }) => {
        status = result.status;
        finish();
      },
      (error: unknown) => finish(error ?? new Error(`${error}`))
    ]);
  });
}

function internalError(error: unknown): NbOutput {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : `${error}`;
  } catch {
    text = 'an error that cannot be described';
  }
  return {
    output_type: 'error',
    ename: 'RuntimeInternalError',
    evalue: text,
    traceback: ['The coroutine-cells runtime failed while running this cell:', text]
  };
}

serveRunner();
