/**
 * The messages between the notebook (main thread) and a coroutine-cell runtime (a Web Worker in
 * JupyterLab, a worker_thread or the same process in Node); see docs/worker-protocol.md. Outputs
 * are nbformat v4 output objects, so the executor writes them into the cell's output model
 * unchanged.
 */
import type { CellProgress } from './cell-progress';
import type { CellRequest } from './cell-request';
import type { CellStatus, NbOutput } from './outputs';

/** Messages the notebook sends to its runtime. */
export type ToRuntime =
  | ({
      type: 'run-cell';
      /** Unique per request; every reply carries it. */
      requestId: string;
    } & CellRequest)
  | { type: 'interrupt'; requestId: string }
  | { type: 'reset' }
  /** Liveness check: a live runtime answers with a 'pong' as soon as its event loop is free. */
  | { type: 'ping'; seq: number };

/** Messages the runtime sends back. */
export type FromRuntime =
  | { type: 'ready' }
  | { type: 'output'; requestId: string; output: NbOutput }
  /** A running cell's live progress (transient: shown while it runs, never saved). */
  | { type: 'progress'; requestId: string; progress: CellProgress }
  | { type: 'done'; requestId: string; status: CellStatus }
  | { type: 'fatal'; message: string }
  | { type: 'pong'; seq: number }
  /** The runtime is about to close itself (a cell called `close()` on the worker's global scope). */
  | { type: 'closing'; reason: string };
