/**
 * The Web Worker entry (one worker per notebook): a self-contained module that imports no
 * JupyterLab or Lumino package; the TypeScript compiler is loaded only here. In a Web Worker it
 * serves the runtime protocol on its global scope. In Node, tests run it in a worker_thread
 * after installing `postMessage`/`addEventListener` on globalThis (see tests/worker).
 */
import type { FromRuntime, ToRuntime } from '../protocol';
import { startWorker } from './worker-main';

export { startWorker } from './worker-main';
export type { RuntimePort } from './worker-main';

interface WorkerScope {
  document?: unknown;
  close?: () => void;
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const scope = globalThis as unknown as Partial<WorkerScope>;
// A worker has no `document`; a page's window also has postMessage, and must not serve.
if (
  typeof scope.postMessage === 'function' &&
  typeof scope.addEventListener === 'function' &&
  scope.document === undefined
) {
  const workerScope = scope as WorkerScope;
  const post = (message: FromRuntime) => workerScope.postMessage(message);
  const closeWorker = workerScope.close;
  if (typeof closeWorker === 'function') {
    // A cell that calls self.close() ends the runtime: say so first, so the notebook reports it
    // and starts a new worker instead of waiting for a reply that never comes.
    workerScope.close = function close(): void {
      post({ type: 'closing', reason: 'the cell called close() on the worker' });
      closeWorker.call(workerScope);
    };
  }
  startWorker({
    postMessage: post,
    onMessage: handler => workerScope.addEventListener('message', event => handler(event.data as ToRuntime))
  });
}
