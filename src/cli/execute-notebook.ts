/**
 * `coroutine-cells execute`: runs every coroutine cell of a notebook in order, in one session (so
 * declarations carry over as in JupyterLab), and stores the outputs, each chart with a PNG. The
 * cells run wherever `runner` runs them (the CLI's: a worker thread).
 * Other code cells (kernel cells) are left as they are: this runner has no kernel.
 */
import { DEFAULT_CELL_OPTIONS, METADATA_KEY, type CellStatus, type NbOutput } from '../protocol';
import { addChartImage } from './chart-image';
import {
  cellSource,
  isCoroutineCell,
  isCoroutineNotebook,
  type StoredCell,
  type StoredNotebook
} from './notebook-file';
import type { CellRunner } from './runner-protocol';

/** Options of executeNotebook. */
export interface ExecuteOptions {
  /**
   * Where the cells run (the CLI's: a WorkerRunner); one session, so declarations carry over.
   * Default: a fresh InProcessRunner (this thread, no isolation).
   */
  runner?: CellRunner;
  /** Go on after a failed cell (like nbconvert's --allow-errors); otherwise stop there. */
  allowErrors: boolean;
  /** Add a PNG of each chart (the headless path's static image). */
  chartImages: boolean;
  /** Called with each output as the cell produces it (index of the cell in the notebook). */
  onOutput?: (cellIndex: number, output: NbOutput) => void;
  /** Warnings (e.g. a chart image that could not be rendered). */
  warn: (text: string) => void;
}

/** What one execution did. */
export interface ExecuteResult {
  notebook: StoredNotebook;
  /** Index of the cell that failed and stopped the run, or null. */
  stoppedAt: number | null;
  /** True when the run was interrupted (Ctrl-C): it stopped at `stoppedAt`. */
  interrupted: boolean;
  /** Status of each coroutine cell run, by cell index. */
  statuses: Map<number, CellStatus>;
  /** Code cells that are not coroutine cells (left untouched). */
  skipped: number[];
}

/** Runs the notebook's coroutine cells; returns a new notebook with their outputs. */
export async function executeNotebook(input: StoredNotebook, options: ExecuteOptions): Promise<ExecuteResult> {
  const notebook: StoredNotebook = { ...input, cells: input.cells.map(cell => ({ ...cell })) };
  const runner = options.runner ?? new (await import('./in-process-runner')).InProcessRunner();
  const statuses = new Map<number, CellStatus>();
  const skipped: number[] = [];
  let count = 0;
  let stoppedAt: number | null = null;
  const byDefault = isCoroutineNotebook(input);
  let interrupted = false;
  for (const [index, cell] of notebook.cells.entries()) {
    if (!isCoroutineCell(cell, byDefault)) {
      if (cell.cell_type === 'code') skipped.push(index);
      continue;
    }
    count++;
    const result = await runner.run(
      {
        source: cellSource(cell),
        cellLabel: `In[${count}]`,
        executionCount: count,
        options: DEFAULT_CELL_OPTIONS,
        metadata: optionMetadata(notebook, cell)
      },
      output => options.onOutput?.(index, output)
    );
    const outputs = options.chartImages
      ? await Promise.all(result.outputs.map(output => addChartImage(output, options.warn)))
      : result.outputs;
    notebook.cells[index] = { ...cell, outputs, execution_count: count };
    statuses.set(index, result.status);
    // An interrupt stops the run even with allowErrors, as it stops a kernel's Run All.
    if ((result.status !== 'ok' && !options.allowErrors) || result.status === 'interrupted') {
      stoppedAt = index;
      interrupted = result.status === 'interrupted';
      break;
    }
  }
  return { notebook, stoppedAt, interrupted, statuses, skipped };
}

/** The notebook's and the cell's options metadata, resolved by the runtime (resolveCellOptions). */
export function optionMetadata(notebook: StoredNotebook, cell: StoredCell): { notebook: unknown; cell: unknown } {
  return { notebook: notebook.metadata?.[METADATA_KEY], cell: cell.metadata?.[METADATA_KEY] };
}
