/**
 * The worker_thread entry of the Node hosts: the same runtime as the browser's Web Worker
 * (startWorker: one CellSession), served on the thread's parent port.
 */
import { parentPort } from 'node:worker_threads';
import type { ToRuntime } from '../protocol';
import { startWorker } from '../worker/worker-main';

if (parentPort === null) {
  throw new Error('kernel-worker: run this file in a worker_thread (new Worker(file)), not as a script');
}
const port = parentPort;
startWorker({
  postMessage: message => port.postMessage(message),
  onMessage: handler => port.on('message', data => handler(data as ToRuntime))
});
