/**
 * Runs the CLI's cells in a worker thread (runner-worker.ts), so cell code cannot end or poison
 * the CLI: `process.exit()`, an uncaught error, running out of memory (the worker's heap ceiling)
 * or replaced built-ins end or retire that worker only. The cell then ends with an error saying
 * what happened and that the declarations are gone, and the next cell gets a fresh worker. An
 * interrupt cancels the cell's tasks; a cell that has not stopped after INTERRUPT_GRACE_MS (stuck
 * in synchronous code or a microtask loop) has its worker terminated.
 */
import { Worker } from 'node:worker_threads';
import { appendOutput, type CellStatus, type NbOutput } from '../protocol';
import { type CellRunner, type CellRunOutcome, type CellRunRequest, type FromRunner } from './runner-protocol';

/** Default heap ceiling of the worker that runs the cells, in MB. */
export const DEFAULT_MAX_MEMORY_MB = 4_096;

/** Milliseconds an interrupted cell may take to stop before its worker is terminated. */
export const INTERRUPT_GRACE_MS = 1_500;

/** Options of a WorkerRunner. */
export interface WorkerRunnerOptions {
  /** The bundled runner-worker.ts (CommonJS) to start. */
  workerFile: string;
  /** Heap ceiling of the worker (old generation), in MB. */
  maxMemoryMb?: number;
}

const GONE =
  "the notebook's declarations are gone (a fresh runtime runs the next cell; re-run the cells that define what it needs)";

interface Current {
  id: number;
  outputs: NbOutput[];
  onOutput: (output: NbOutput) => void;
  resolve: (outcome: CellRunOutcome) => void;
  poisoned: string[] | null;
  timers: ReturnType<typeof setTimeout>[];
}

/** A CellRunner backed by a worker thread (replaced whenever cell code kills or poisons it). */
export class WorkerRunner implements CellRunner {
  private worker: Worker | null = null;
  private current: Current | null = null;
  private nextId = 0;
  private readonly maxMemoryMb: number;
  /** Why the worker ended between cells (a timer of an earlier cell, say): told to the next cell. */
  private lostBetweenCells: string | null = null;

  constructor(private readonly options: WorkerRunnerOptions) {
    const memory = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
    if (!(Number.isInteger(memory) && memory >= 16)) {
      throw new TypeError(`WorkerRunner: maxMemoryMb must be an integer >= 16, got ${memory}`);
    }
    this.maxMemoryMb = memory;
  }

  /** Runs one cell in the worker (started on first use). */
  run(request: CellRunRequest, onOutput: (output: NbOutput) => void = () => {}): Promise<CellRunOutcome> {
    if (this.current) return Promise.reject(new Error('WorkerRunner.run(): a cell is already running'));
    return new Promise(resolve => {
      const id = ++this.nextId;
      this.current = { id, outputs: [], onOutput, resolve, poisoned: null, timers: [] };
      if (this.lostBetweenCells !== null) {
        const note: NbOutput = {
          output_type: 'stream',
          name: 'stderr',
          text: `Note: ${this.lostBetweenCells} after the previous cell; this cell runs in a new runtime: the notebook's declarations are gone (re-run the cells that define what it needs)\n`
        };
        this.lostBetweenCells = null;
        appendOutput(this.current.outputs, note);
        onOutput(note);
      }
      this.ensureWorker().postMessage({ type: 'run', id, request });
    });
  }

  /** Interrupts the running cell; its worker is terminated if it has not stopped in time. */
  interrupt(): void {
    const run = this.current;
    const worker = this.worker;
    if (!run || !worker || run.timers.length > 0) return;
    worker.postMessage({ type: 'interrupt', id: run.id });
    // A second interrupt halfway ends the run even if tasks swallow the cancellation.
    run.timers.push(setTimeout(() => worker.postMessage({ type: 'interrupt', id: run.id }), INTERRUPT_GRACE_MS / 2));
    run.timers.push(
      setTimeout(() => {
        if (this.current !== run) return;
        this.endWithError(
          'interrupted',
          'KeyboardInterrupt',
          `the cell did not stop within ${INTERRUPT_GRACE_MS / 1000} s of the interrupt (stuck in synchronous code?), ` +
            `so its runtime was stopped; ${GONE}`
        );
      }, INTERRUPT_GRACE_MS)
    );
  }

  /** Terminates the worker. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.workerFile, {
      resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb },
      // The cells' stdout/stderr go through the protocol; anything written directly still shows.
      stdout: false,
      stderr: false
    });
    let failure: Error | null = null;
    worker.on('message', (message: FromRunner) => this.receive(worker, message));
    worker.on('error', error => {
      failure = error;
    });
    worker.on('exit', code => {
      if (this.worker !== worker) return;
      this.worker = null;
      const outOfMemory = (failure as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (!this.current) {
        this.lostBetweenCells = outOfMemory
          ? 'the runtime ran out of memory'
          : failure
            ? `the runtime crashed (${describe(failure)})`
            : `the runtime ended (process.exit(${code}))`;
        return;
      }
      if (outOfMemory) {
        this.endWithError(
          'error',
          'MemoryError',
          `the runtime ran out of memory (its ceiling is ${this.maxMemoryMb.toLocaleString('en-US')} MB); ${GONE}`
        );
      } else if (failure) {
        this.endWithError('error', 'RuntimeError', `the runtime crashed (${describe(failure)}); ${GONE}`);
      } else {
        this.endWithError(
          'error',
          'RuntimeExited',
          `the cell ended its runtime (process.exit(${code}) or similar); ${GONE}`
        );
      }
    });
    this.worker = worker;
    return worker;
  }

  private receive(worker: Worker, message: FromRunner): void {
    const run = this.current;
    if (worker !== this.worker || !run || message === null || typeof message !== 'object' || message.id !== run.id)
      return;
    if (message.type === 'output') {
      appendOutput(run.outputs, message.output);
      run.onOutput(message.output);
    } else if (message.type === 'poisoned') {
      run.poisoned = message.names;
    } else if (message.type === 'done') {
      if (run.poisoned) {
        const names =
          run.poisoned.slice(0, 5).join(', ') + (run.poisoned.length > 5 ? ` and ${run.poisoned.length - 5} more` : '');
        this.endWithError(
          message.status === 'ok' ? 'error' : message.status,
          'RuntimeRestarted',
          `the cell replaced JavaScript built-ins the runtime relies on (${names}), so its runtime was replaced; ${GONE}`
        );
      } else this.finish(run, message.status);
    }
  }

  private finish(run: Current, status: CellStatus): void {
    for (const timer of run.timers) clearTimeout(timer);
    this.current = null;
    run.resolve({ status, outputs: run.outputs });
  }

  /** Ends the running cell with an error output and retires its worker. */
  private endWithError(status: CellStatus, ename: string, evalue: string): void {
    const run = this.current;
    if (!run) return;
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
    const output: NbOutput = {
      output_type: 'error',
      ename,
      evalue,
      traceback: [`\x1b[0;31m${ename}\x1b[0m: ${evalue}`]
    };
    appendOutput(run.outputs, output);
    run.onOutput(output);
    this.finish(run, status);
  }
}

function describe(error: Error): string {
  return `${error.name}: ${error.message}`;
}
