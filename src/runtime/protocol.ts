/**
 * The typed protocol between the notebook (main thread) and a coroutine-cell runtime (a Web
 * Worker in JupyterLab, a worker_thread or the same process in Node). Outputs are nbformat v4
 * output objects, so the executor writes them into the cell's output model unchanged.
 */

/** The clock a cell runs on. */
export type ClockMode = 'virtual' | 'real';

/** Chart options: per notebook in the settings, per cell in its options. */
export interface ChartOptions {
  /** Add the timing chart bundle after the cell's outputs. */
  enabled: boolean;
  /** Tasks beyond this many rows are aggregated into one summary row. */
  rowLimit: number;
  /** Draw a marker for each print. */
  showPrints: boolean;
  /** Draw each scheduler step as its own segment (instead of merged running spans). */
  showSteps: boolean;
}

/** Options of one cell run; defaults come from the settings, a cell may override them. */
export interface CellOptions {
  clock: ClockMode;
  /** Stop the run after this many scheduler steps. */
  maxSteps: number;
  /** Stop the run when the virtual clock passes this many seconds. */
  maxVirtualTime: number;
  chart: ChartOptions;
}

/** The defaults used when neither settings nor the cell say otherwise. */
export const DEFAULT_CELL_OPTIONS: CellOptions = {
  clock: 'virtual',
  maxSteps: 100_000_000, // the scheduler's DEFAULT_MAX_STEPS (not imported: this module is in the page)
  maxVirtualTime: 86_400,
  chart: { enabled: true, rowLimit: 50, showPrints: true, showSteps: false }
};

/** A JSON value, as nbformat stores it. */
export type JSONValue = string | number | boolean | null | JSONValue[] | { [key: string]: JSONValue };

/** A MIME bundle: MIME type to data. */
export type MimeBundle = { [mime: string]: JSONValue };

/** nbformat v4 outputs (the subset this runtime produces). */
export type NbOutput =
  | { output_type: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { output_type: 'display_data'; data: MimeBundle; metadata: { [key: string]: JSONValue } }
  | {
      output_type: 'execute_result';
      execution_count: number | null;
      data: MimeBundle;
      metadata: { [key: string]: JSONValue };
    }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };

/** How a cell run ended. */
export type CellStatus = 'ok' | 'error' | 'interrupted';

/** Messages the notebook sends to its runtime. */
export type ToRuntime =
  | {
      type: 'run-cell';
      /** Unique per request; every reply carries it. */
      requestId: string;
      /** The cell's TypeScript source. */
      source: string;
      /** A stable label for tracebacks, e.g. "cell[3]". */
      cellLabel: string;
      executionCount: number;
      /** The notebook defaults (Settings Editor); the cell's own options are resolved over them. */
      options: CellOptions;
      /** The "coroutine-cells" metadata of the notebook and of the cell, as stored (unchecked). */
      metadata?: OptionMetadata;
    }
  | { type: 'interrupt'; requestId: string }
  | { type: 'reset' }
  /** Liveness check: a live runtime answers with a 'pong' as soon as its event loop is free. */
  | { type: 'ping'; seq: number };

/** The stored "coroutine-cells" metadata a cell's options are resolved from. */
export interface OptionMetadata {
  notebook?: unknown;
  cell?: unknown;
}

/** Messages the runtime sends back. */
export type FromRuntime =
  | { type: 'ready' }
  | { type: 'output'; requestId: string; output: NbOutput }
  | { type: 'done'; requestId: string; status: CellStatus }
  | { type: 'fatal'; message: string }
  | { type: 'pong'; seq: number }
  /** The runtime is about to close itself (a cell called `close()` on the worker's global scope). */
  | { type: 'closing'; reason: string };
