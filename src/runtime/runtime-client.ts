/**
 * The main-thread side of a notebook's runtime: creates the worker lazily (through an injected
 * factory, so no DOM import: a browser Worker, or a Node worker_thread behind a tiny adapter),
 * runs cells one at a time in request order, streams their outputs, and implements interrupt:
 * the runtime cancels every task (KeyboardInterrupt), and halfway through the grace period a
 * second interrupt ends the run even if tasks swallow the cancellation; if the cell has still not
 * finished (a cell stuck in synchronous code cannot even see the messages) the worker is
 * terminated, the cell ends with an error saying the runtime was restarted, and a new worker is
 * created for the next run.
 */
import { appendOutput, type CellRequest, type CellStatus, type FromRuntime, type NbOutput, type ToRuntime } from '../protocol';

/** What the client needs from a worker (a browser Worker satisfies it). */
export interface RuntimeWorker {
  postMessage(message: ToRuntime): void;
  terminate(): unknown;
  onmessage: ((event: { data: FromRuntime }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** Creates a new worker running src/worker/index.ts. */
export type RuntimeWorkerFactory = () => RuntimeWorker;

/** How a run ended, with all its outputs (stream text merged). */
export interface RunOutcome {
  status: CellStatus;
  outputs: NbOutput[];
}

/** Client options. */
export interface RuntimeClientOptions {
  /** Milliseconds an interrupted cell may take to stop before the worker is replaced (≤ 1500). */
  interruptGraceMs?: number;
}

/** Default grace period after an interrupt: a stuck cell stops within 2 s. */
export const INTERRUPT_GRACE_MS = 1_500;

interface PendingRun {
  requestId: string;
  request: CellRequest;
  onOutput: (output: NbOutput) => void;
  outputs: NbOutput[];
  resolve: (outcome: RunOutcome) => void;
  graceTimer: ReturnType<typeof setTimeout> | null;
}

let nextClientId = 0;

/** A notebook's runtime, seen from the main thread. */
export class RuntimeClient {
  private worker: RuntimeWorker | null = null;
  private readonly queue: PendingRun[] = [];
  private current: PendingRun | null = null;
  private readonly clientId = ++nextClientId;
  private requestCounter = 0;
  private readonly graceMs: number;
  private disposed = false;

  constructor(private readonly createWorker: RuntimeWorkerFactory, options: RuntimeClientOptions = {}) {
    if (typeof createWorker !== 'function') {
      throw new TypeError(`RuntimeClient: createWorker must be a function, got ${typeof createWorker}`);
    }
    const grace = options.interruptGraceMs ?? INTERRUPT_GRACE_MS;
    if (!(Number.isFinite(grace) && grace >= 0)) {
      throw new TypeError(`RuntimeClient: interruptGraceMs must be a finite number >= 0, got ${grace}`);
    }
    this.graceMs = grace;
  }

  /** True while a cell runs or waits to run. */
  get busy(): boolean {
    return this.current !== null || this.queue.length > 0;
  }

  /** Queues a cell; resolves when it has finished. `onOutput` receives each output as it comes. */
  run(request: CellRequest, onOutput: (output: NbOutput) => void = () => {}): Promise<RunOutcome> {
    if (this.disposed) return Promise.reject(new Error('RuntimeClient.run(): the client is disposed'));
    if (request === null || typeof request !== 'object' || typeof request.source !== 'string') {
      return Promise.reject(new TypeError(`RuntimeClient.run(): request.source must be a string, got ${typeof request?.source}`));
    }
    return new Promise(resolve => {
      const requestId = `c${this.clientId}-r${++this.requestCounter}`;
      this.queue.push({ requestId, request, onOutput, outputs: [], resolve, graceTimer: null });
      this.startNext();
    });
  }

  /**
   * Starts the worker now (loading and warming the TypeScript compiler) instead of on the first
   * run, e.g. when a notebook with coroutine cells opens; does nothing if it already runs.
   */
  warmUp(): void {
    if (this.disposed) return;
    try {
      this.ensureWorker();
    } catch {
      // The first run reports a worker that cannot start.
    }
  }

  /**
   * Interrupts the running cell (and drops the queued ones, as a kernel aborts them). If it has
   * not finished after the grace period, the worker is replaced and the notebook state is lost.
   */
  interrupt(): void {
    for (const run of this.queue.splice(0)) run.resolve({ status: 'interrupted', outputs: [] });
    const run = this.current;
    if (!run || !this.worker || run.graceTimer !== null) return;
    const worker = this.worker;
    worker.postMessage({ type: 'interrupt', requestId: run.requestId });
    // Halfway through the grace period, interrupt again: the scheduler then ends the run at once,
    // abandoning tasks that swallow CancelledError, and the notebook keeps its state.
    const again = setTimeout(() => {
      if (this.current === run && this.worker === worker) worker.postMessage({ type: 'interrupt', requestId: run.requestId });
    }, this.graceMs / 2);
    run.graceTimer = setTimeout(() => {
      clearTimeout(again);
      if (this.current !== run) return;
      this.replaceWorker(
        run,
        'RuntimeRestarted',
        `the cell did not stop within ${this.graceMs / 1000} s of the interrupt (stuck in synchronous code?), so the ` +
          "runtime was restarted: the notebook's coroutine declarations from earlier cells are gone; re-run the cells that define them"
      );
    }, this.graceMs);
  }

  /** Terminates the worker and forgets the notebook state; running and queued cells end. */
  restart(): void {
    for (const run of this.queue.splice(0)) run.resolve({ status: 'interrupted', outputs: [] });
    if (this.current) {
      this.replaceWorker(this.current, 'RuntimeRestarted', "the runtime was restarted: the notebook's coroutine declarations are gone");
    } else {
      this.terminateWorker();
    }
  }

  /** Stops everything for good. */
  dispose(): void {
    this.restart();
    this.disposed = true;
  }

  private startNext(): void {
    if (this.current !== null) return;
    const run = this.queue.shift();
    if (!run) return;
    this.current = run;
    const { source, cellLabel, executionCount, options } = run.request;
    try {
      this.ensureWorker().postMessage({ type: 'run-cell', requestId: run.requestId, source, cellLabel, executionCount, options });
    } catch (error) {
      this.replaceWorker(run, 'RuntimeError', `the coroutine-cells runtime could not start: ${String(error)}`);
    }
  }

  private ensureWorker(): RuntimeWorker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = event => this.receive(worker, event.data);
    worker.onerror = event => {
      if (this.worker !== worker) return;
      const message = (event as { message?: string })?.message ?? String(event);
      if (this.current) this.replaceWorker(this.current, 'RuntimeError', `the coroutine-cells runtime crashed: ${message}`);
      else this.terminateWorker();
    };
    this.worker = worker;
    return worker;
  }

  private receive(worker: RuntimeWorker, message: FromRuntime): void {
    if (worker !== this.worker) return;
    const run = this.current;
    switch (message.type) {
      case 'output':
        if (run && message.requestId === run.requestId) {
          appendOutput(run.outputs, message.output);
          run.onOutput(message.output);
        }
        break;
      case 'done':
        if (run && message.requestId === run.requestId) this.finish(run, message.status);
        break;
      case 'fatal':
        if (run) this.replaceWorker(run, 'RuntimeError', `the coroutine-cells runtime failed: ${message.message}`);
        break;
      case 'ready':
        break;
    }
  }

  private finish(run: PendingRun, status: CellStatus): void {
    if (run.graceTimer !== null) clearTimeout(run.graceTimer);
    this.current = null;
    run.resolve({ status, outputs: run.outputs });
    this.startNext();
  }

  /** Ends `run` with an error output, terminates the worker (a new one is made lazily). */
  private replaceWorker(run: PendingRun, ename: string, evalue: string): void {
    this.terminateWorker();
    const output: NbOutput = { output_type: 'error', ename, evalue, traceback: [`\x1b[0;31m${ename}\x1b[0m: ${evalue}`] };
    appendOutput(run.outputs, output);
    run.onOutput(output);
    this.finish(run, ename === 'RuntimeRestarted' ? 'interrupted' : 'error');
  }

  private terminateWorker(): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      void worker.terminate();
    }
  }
}
