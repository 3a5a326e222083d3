import type { CellOptions } from './cell-options';

/**
 * One cell to run: what the plugins hand to the runtime client, what the worker receives (in
 * the 'run-cell' message) and what CellSession.runCell takes.
 */
export interface CellRequest {
  /** The cell's TypeScript source. */
  source: string;
  /** A stable label for tracebacks, e.g. "cell[3]". */
  cellLabel: string;
  /** The execution count shown beside the cell and in its execute_result. */
  executionCount: number;
  /** The defaults; the notebook's and cell's metadata and the first-line directive override them. */
  options: CellOptions;
  /** The notebook's and the cell's "coroutine-cells" metadata, as stored (resolveCellOptions). */
  metadata?: OptionMetadata;
}

/** The stored "coroutine-cells" metadata a cell's options are resolved from (unchecked). */
export interface OptionMetadata {
  notebook?: unknown;
  cell?: unknown;
}
