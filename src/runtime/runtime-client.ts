/**
 * The main-thread side of a notebook's runtime: creates the worker lazily (through an injected
 * factory, so no DOM import: a browser Worker, or a Node worker_thread behind a tiny adapter),
 * runs cells one at a time in request order, streams their outputs, and implements interrupt:
 * the runtime cancels every task (KeyboardInterrupt), and halfway through the grace period a
 * second interrupt ends the run even if tasks swallow the cancellation; if the cell has still not
 * finished (a cell stuck in synchronous code cannot even see the messages) the worker is
 * terminated, the cell ends with an error saying the runtime was restarted, and a new worker is
 * created for the next run.
 *
 * It also survives a runtime that misbehaves: every message is checked (protocol-check.ts) and a
 * malformed one is reported in the cell, never thrown; a liveness check pings the worker while a
 * cell runs and replaces a worker that has not answered for UNRESPONSIVE_LIMIT_MS (it closed
 * itself, died, or runs synchronous code that may be filling memory, and no web API shows a
 * worker's heap); a worker lost between cells is reported at the start of the next cell.
 */
import {
  appendOutput,
  type CellProgress,
  type CellRequest,
  type CellStatus,
  type FromRuntime,
  type NbOutput,
  type ToRuntime
} from '../protocol';
import { checkFromRuntime } from './protocol-check';

/** What the client needs from a worker (a browser Worker satisfies it). */
export interface RuntimeWorker {
  postMessage(message: ToRuntime): void;
  terminate(): unknown;
  /** `data` is unchecked: whatever the worker (or cell code inside it) posted. */
  onmessage: ((event: { data: unknown }) => void) | null;
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
  /** Milliseconds of silence from a started worker, during a run, before it is replaced (0: never). */
  unresponsiveLimitMs?: number;
}

/** Default grace period after an interrupt: a stuck cell stops within 2 s. */
export const INTERRUPT_GRACE_MS = 1_500;

/**
 * A worker that has not answered for this long while a cell runs is replaced. The runtime answers
 * pings between scheduler slices (every 50 ms of busy running), so only synchronous code that
 * never awaits, or a dead worker, stays silent. Short enough to stop most loops that fill memory
 * before they reach V8's 4 GB heap limit (where the worker has no process of its own, reaching it
 * kills the tab; see src/plugins/runtime-frame.ts).
 */
export const UNRESPONSIVE_LIMIT_MS = 5_000;

/** Before the worker has said 'ready' (loading and parsing the 3.6 MB bundle), it may take longer. */
export const STARTUP_LIMIT_MS = 60_000;

/** How often a running cell's worker is pinged. */
export const LIVENESS_INTERVAL_MS = 1_000;

/** At most this many malformed messages are reported in one cell; the rest are counted. */
const PROTOCOL_REPORTS = 3;

const GONE = "the notebook's coroutine declarations from earlier cells are gone; re-run the cells that define them";

interface PendingRun {
  requestId: string;
  request: CellRequest;
  onOutput: (output: NbOutput) => void;
  /** Live progress of the run (transient, never an output). */
  onProgress: ((progress: CellProgress) => void) | undefined;
  outputs: NbOutput[];
  resolve: (outcome: RunOutcome) => void;
  graceTimer: ReturnType<typeof setTimeout> | null;
  /** Malformed messages seen during this run. */
  protocolErrors: number;
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
  private readonly unresponsiveMs: number;
  private disposed = false;
  /** True once the current worker has posted 'ready' (its script is loaded). */
  private workerReady = false;
  /** When the current worker last sent anything (performance/Date milliseconds). */
  private lastHeard = 0;
  private livenessTimer: ReturnType<typeof setInterval> | null = null;
  private pingSeq = 0;
  /** Why the last worker was lost while no cell ran; said at the start of the next cell. */
  private lostNote: string | null = null;

  constructor(
    private readonly createWorker: RuntimeWorkerFactory,
    options: RuntimeClientOptions = {}
  ) {
    if (typeof createWorker !== 'function') {
      throw new TypeError(`RuntimeClient: createWorker must be a function, got ${typeof createWorker}`);
    }
    const grace = options.interruptGraceMs ?? INTERRUPT_GRACE_MS;
    if (!(Number.isFinite(grace) && grace >= 0)) {
      throw new TypeError(`RuntimeClient: interruptGraceMs must be a finite number >= 0, got ${grace}`);
    }
    this.graceMs = grace;
    const silence = options.unresponsiveLimitMs ?? UNRESPONSIVE_LIMIT_MS;
    if (!(Number.isFinite(silence) && silence >= 0)) {
      throw new TypeError(`RuntimeClient: unresponsiveLimitMs must be a finite number >= 0, got ${silence}`);
    }
    this.unresponsiveMs = silence;
  }

  /** True while a cell runs or waits to run. */
  get busy(): boolean {
    return this.current !== null || this.queue.length > 0;
  }

  /**
   * Queues a cell; resolves when it has finished. `onOutput` receives each output as it comes,
   * `onProgress` the live progress of a long run (a few times a second, after half a second).
   */
  run(
    request: CellRequest,
    onOutput: (output: NbOutput) => void = () => {},
    onProgress?: (progress: CellProgress) => void
  ): Promise<RunOutcome> {
    if (this.disposed) return Promise.reject(new Error('RuntimeClient.run(): the client is disposed'));
    if (request === null || typeof request !== 'object' || typeof request.source !== 'string') {
      return Promise.reject(
        new TypeError(`RuntimeClient.run(): request.source must be a string, got ${typeof request?.source}`)
      );
    }
    return new Promise(resolve => {
      const requestId = `c${this.clientId}-r${++this.requestCounter}`;
      this.queue.push({
        requestId,
        request,
        onOutput,
        onProgress,
        outputs: [],
        resolve,
        graceTimer: null,
        protocolErrors: 0
      });
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
      if (this.current === run && this.worker === worker)
        worker.postMessage({ type: 'interrupt', requestId: run.requestId });
    }, this.graceMs / 2);
    run.graceTimer = setTimeout(() => {
      clearTimeout(again);
      if (this.current !== run) return;
      this.replaceWorker(
        run,
        'RuntimeRestarted',
        `the cell did not stop within ${this.graceMs / 1000} s of the interrupt (stuck in synchronous code, or the ` +
          `runtime stopped), so the runtime was restarted: ${GONE}`
      );
    }, this.graceMs);
  }

  /** Terminates the worker and forgets the notebook state; running and queued cells end. */
  restart(): void {
    for (const run of this.queue.splice(0)) run.resolve({ status: 'interrupted', outputs: [] });
    if (this.current) {
      this.replaceWorker(
        this.current,
        'RuntimeRestarted',
        "the runtime was restarted: the notebook's coroutine declarations are gone"
      );
    } else {
      this.terminateWorker();
    }
    this.lostNote = null;
  }

  /** Stops everything for good. */
  dispose(): void {
    this.restart();
    this.stopLiveness();
    this.disposed = true;
  }

  private startNext(): void {
    if (this.current !== null) return;
    const run = this.queue.shift();
    if (!run) return;
    this.current = run;
    if (this.lostNote !== null) {
      this.emit(run, { output_type: 'stream', name: 'stderr', text: `${this.lostNote}\n` });
      this.lostNote = null;
    }
    const { source, cellLabel, executionCount, options, metadata } = run.request;
    try {
      const worker = this.ensureWorker();
      this.lastHeard = Date.now();
      this.startLiveness();
      worker.postMessage({
        type: 'run-cell',
        requestId: run.requestId,
        source,
        cellLabel,
        executionCount,
        options,
        metadata
      });
    } catch (error) {
      this.replaceWorker(run, 'RuntimeError', `the coroutine-cells runtime could not start: ${String(error)}`);
    }
  }

  private ensureWorker(): RuntimeWorker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = event => {
      try {
        this.receive(worker, event?.data);
      } catch (error) {
        // Never let a message break the page: report it as a protocol error instead.
        this.protocolError(`the message could not be handled: ${String(error)}`);
      }
    };
    worker.onerror = event => {
      if (this.worker !== worker) return;
      (event as { preventDefault?: () => void })?.preventDefault?.();
      this.workerLost(crashMessage(event));
    };
    this.worker = worker;
    this.workerReady = false;
    this.lastHeard = Date.now();
    return worker;
  }

  /** The current worker is gone or unusable: end the running cell, or tell the next one. */
  private workerLost(evalue: string, ename = 'RuntimeError'): void {
    if (this.current) {
      this.replaceWorker(this.current, ename, `${evalue}: ${GONE}`);
    } else {
      this.terminateWorker();
      this.lostNote = `Note: ${evalue} after the previous cell, and was restarted: ${GONE}.`;
    }
  }

  private startLiveness(): void {
    if (this.livenessTimer !== null || this.unresponsiveMs === 0) return;
    this.livenessTimer = setInterval(
      () => this.checkLiveness(),
      Math.min(LIVENESS_INTERVAL_MS, this.unresponsiveMs / 2)
    );
  }

  private stopLiveness(): void {
    if (this.livenessTimer !== null) clearInterval(this.livenessTimer);
    this.livenessTimer = null;
  }

  private checkLiveness(): void {
    const run = this.current;
    const worker = this.worker;
    if (!run || !worker) {
      this.stopLiveness();
      return;
    }
    const limit = this.workerReady ? this.unresponsiveMs : Math.max(STARTUP_LIMIT_MS, this.unresponsiveMs);
    const silent = Date.now() - this.lastHeard;
    if (silent > limit) {
      this.replaceWorker(
        run,
        'RuntimeRestarted',
        `the runtime did not respond for ${Math.round(silent / 1000)} s (it stopped, or the cell runs synchronous code ` +
          'that never awaits, such as an endless loop, which may be filling memory), so it ' +
          `was stopped and restarted: ${GONE}`
      );
      return;
    }
    try {
      worker.postMessage({ type: 'ping', seq: ++this.pingSeq });
    } catch {
      // A worker that cannot take messages stays silent; the check above replaces it.
    }
  }

  /** A message that is not part of the protocol: said in the running cell (a few times), else logged. */
  private protocolError(problem: string): void {
    const run = this.current;
    if (!run) {
      console.warn(`coroutine-cells: ignored a malformed message from the runtime: ${problem}`);
      return;
    }
    run.protocolErrors++;
    if (run.protocolErrors > PROTOCOL_REPORTS) return;
    const more =
      run.protocolErrors === PROTOCOL_REPORTS ? ' (further malformed messages in this cell are ignored silently)' : '';
    const text =
      `RuntimeProtocolError: ignored a malformed message from the runtime: ${problem}${more}. ` +
      "(A cell that calls the worker's own postMessage() writes into the runtime's channel.)\n";
    this.emit(run, { output_type: 'stream', name: 'stderr', text });
  }

  private receive(worker: RuntimeWorker, data: unknown): void {
    if (worker !== this.worker) return;
    this.lastHeard = Date.now();
    const checked = checkFromRuntime(data);
    if (!checked.ok) {
      this.protocolError(checked.problem);
      return;
    }
    const message: FromRuntime = checked.message;
    const run = this.current;
    switch (message.type) {
      case 'output':
        if (run && message.requestId === run.requestId) this.emit(run, message.output);
        break;
      case 'progress':
        if (run && message.requestId === run.requestId && run.graceTimer === null) this.progress(run, message.progress);
        break;
      case 'done':
        if (run && message.requestId === run.requestId) this.finish(run, message.status);
        break;
      case 'fatal':
        this.workerLost(`the coroutine-cells runtime failed (${message.message})`);
        break;
      case 'closing':
        this.workerLost(`the runtime's worker was closed by the cell (${message.reason})`, 'RuntimeRestarted');
        break;
      case 'ready':
        this.workerReady = true;
        break;
      case 'pong':
        break;
    }
  }

  /** Adds an output to the run and hands it on; a failing consumer cannot stop the run. */
  private emit(run: PendingRun, output: NbOutput): void {
    appendOutput(run.outputs, output);
    try {
      run.onOutput(output);
    } catch (error) {
      console.error('coroutine-cells: an output could not be shown', error);
    }
  }

  /** Hands a progress report on; a failing consumer cannot stop the run. */
  private progress(run: PendingRun, progress: CellProgress): void {
    try {
      run.onProgress?.(progress);
    } catch (error) {
      console.error('coroutine-cells: the progress could not be shown', error);
    }
  }

  private finish(run: PendingRun, status: CellStatus): void {
    if (run.graceTimer !== null) clearTimeout(run.graceTimer);
    this.current = null;
    run.resolve({ status, outputs: run.outputs });
    this.startNext();
    if (this.current === null) this.stopLiveness();
  }

  /** Ends `run` with an error output, terminates the worker (a new one is made lazily). */
  private replaceWorker(run: PendingRun, ename: string, evalue: string): void {
    this.terminateWorker();
    const output: NbOutput = {
      output_type: 'error',
      ename,
      evalue,
      traceback: [`\x1b[0;31m${ename}\x1b[0m: ${evalue}`]
    };
    this.emit(run, output);
    // The next cell runs in the new worker: it says so once (restart() clears this, as asked for).
    this.lostNote = `Note: this cell runs in a new coroutine runtime (the previous one ended with ${ename}): ${GONE}.`;
    this.finish(run, ename === 'RuntimeRestarted' ? 'interrupted' : 'error');
  }

  private terminateWorker(): void {
    const worker = this.worker;
    this.worker = null;
    this.workerReady = false;
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      void worker.terminate();
    }
  }
}

/** What a worker's error event says, in words a user can act on (out of memory is named as such). */
function crashMessage(event: unknown): string {
  let message = '';
  try {
    message = String((event as { message?: unknown })?.message ?? event ?? '');
  } catch {
    message = 'an unreadable error';
  }
  if (/out of memory|allocation failed|heap limit/i.test(message)) return 'the runtime ran out of memory';
  return `the coroutine-cells runtime crashed (${message || 'no details'})`;
}
