/**
 * The runtime behind the ToRuntime/FromRuntime messages: one CellSession per worker (one worker
 * per notebook). Runs are executed one at a time in arrival order; outputs stream back batched.
 */
import { CellSession, guardIntrinsics } from '../runtime';
import type { FromRuntime, NbOutput, ToRuntime } from '../protocol';
import { OutputBatcher } from './output-batcher';

/** The two directions of a message channel (a Web Worker's global scope, a worker_thread's port). */
export interface RuntimePort {
  postMessage(message: FromRuntime): void;
  onMessage(handler: (message: ToRuntime) => void): void;
}

type RunCellMessage = Extract<ToRuntime, { type: 'run-cell' }>;

/** Serves the protocol on `port`; posts 'ready' once the compiler is warm. */
export function startWorker(port: RuntimePort): void {
  const session = new CellSession();
  const restoreIntrinsics = guardIntrinsics();
  const queue: RunCellMessage[] = [];
  let running: RunCellMessage | null = null;

  const runNext = async (): Promise<void> => {
    if (running !== null) return;
    const request = queue.shift();
    if (!request) return;
    running = request;
    const batcher = new OutputBatcher(output =>
      port.postMessage({ type: 'output', requestId: request.requestId, output })
    );
    let status: 'ok' | 'error' | 'interrupted' = 'error';
    try {
      const result = await session.runCell(
        request,
        output => batcher.add(output),
        progress => port.postMessage({ type: 'progress', requestId: request.requestId, progress })
      );
      status = result.status;
    } catch (error) {
      batcher.add(internalError(error));
    } finally {
      const changed = restoreIntrinsics();
      if (changed.length > 0) {
        // Said before 'done', so the notebook replaces this worker before it sends the next cell.
        const names =
          changed.length > 5 ? `${changed.slice(0, 5).join(', ')} and ${changed.length - 5} more` : changed.join(', ');
        port.postMessage({
          type: 'fatal',
          message: `the cell replaced built-ins the runtime relies on (${names}), so the runtime must restart`
        });
      }
      batcher.flush();
      running = null;
      port.postMessage({ type: 'done', requestId: request.requestId, status });
    }
    void runNext();
  };

  port.onMessage(message => {
    try {
      switch (message?.type) {
        case 'run-cell':
          queue.push(message);
          void runNext();
          break;
        case 'interrupt':
          // Queued runs of the same request never started: drop them; the running one is cancelled.
          if (running?.requestId === message.requestId) session.interrupt();
          else dropQueued(queue, message.requestId, port);
          break;
        case 'reset':
          session.reset();
          break;
        case 'ping':
          // Answered as soon as the event loop is free: the main thread's liveness check.
          port.postMessage({ type: 'pong', seq: message.seq });
          break;
        default:
          port.postMessage({
            type: 'fatal',
            message: `unknown message type: ${JSON.stringify((message as { type?: unknown })?.type)}`
          });
      }
    } catch (error) {
      port.postMessage({ type: 'fatal', message: String(error) });
    }
  });
  // Warm the compiler now, before saying 'ready': messages wait meanwhile, and the page allows
  // the longer start-up silence until 'ready' (so a slow first compile is not taken for a hang).
  try {
    session.warmUp();
  } catch {
    // Only an optimisation: the first real cell reports any problem itself.
  }
  port.postMessage({ type: 'ready' });
}

function dropQueued(queue: RunCellMessage[], requestId: string, port: RuntimePort): void {
  const index = queue.findIndex(r => r.requestId === requestId);
  if (index < 0) return;
  queue.splice(index, 1);
  port.postMessage({ type: 'done', requestId, status: 'interrupted' });
}

/** An error output for a failure of the runtime itself (a bug, not the cell's fault). */
function internalError(error: unknown): NbOutput {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    output_type: 'error',
    ename: 'RuntimeInternalError',
    evalue: text,
    traceback: ['The coroutine-cells runtime failed while running this cell (please report it):', text]
  };
}
