/**
 * The options of one cell run: the clock, the budgets and the chart. Defaults come from the
 * settings (JupyterLab) or DEFAULT_CELL_OPTIONS (CLI, tests); a cell's first-line directive may
 * override them.
 */

/** The clock a cell runs on. */
export type ClockMode = 'virtual' | 'real';

/** Chart options: per notebook in the settings, per cell in its options. */
export interface ChartOptions {
  /**
   * Add the timing chart bundle after the cell's outputs: true always, false never, 'auto' only
   * when the run created a task, waited on something or spent virtual time (a print-only or a
   * declaration cell gets no chart).
   */
  enabled: boolean | 'auto';
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
  /** Which CPython release's asyncio rules the cell follows ('3.11', '3.12' or '3.13'). */
  python: PythonVersion;
  /**
   * Type errors before running (the editor's language service): off, warn (listed first in the
   * output, the cell runs) or error (the cell does not run). Unset: the notebook setting.
   */
  typeCheck?: TypeCheckMode;
}

/** The asyncio versions a cell can follow (the scheduler's python-version.ts has the same list). */
export type PythonVersion = '3.11' | '3.12' | '3.13';

/** How type errors affect running a cell. */
export type TypeCheckMode = 'off' | 'warn' | 'error';

/** The defaults used when neither settings nor the cell say otherwise. */
export const DEFAULT_CELL_OPTIONS: CellOptions = {
  clock: 'virtual',
  maxSteps: 100_000_000, // the scheduler's DEFAULT_MAX_STEPS (not imported: this module is in the page)
  maxVirtualTime: 86_400,
  chart: { enabled: 'auto', rowLimit: 50, showPrints: true, showSteps: false },
  python: '3.11'
};
