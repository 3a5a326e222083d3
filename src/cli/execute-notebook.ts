/**
 * `coroutine-cells execute`: runs every coroutine cell of a notebook in order, in one session (so
 * declarations carry over as in JupyterLab), and stores the outputs, each chart with a PNG.
 * Other code cells (kernel cells) are left as they are: this runner has no kernel.
 */
import { CellSession } from '../runtime';
import { DEFAULT_CELL_OPTIONS, type CellStatus, type NbOutput } from '../shared';
import { addChartImage } from './chart-image';
import { cellSource, isCoroutineCell, type StoredNotebook } from './notebook-file';

/** Options of executeNotebook. */
export interface ExecuteOptions {
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
  /** Status of each coroutine cell run, by cell index. */
  statuses: Map<number, CellStatus>;
  /** Code cells that are not coroutine cells (left untouched). */
  skipped: number[];
}

/** Runs the notebook's coroutine cells; returns a new notebook with their outputs. */
export async function executeNotebook(input: StoredNotebook, options: ExecuteOptions): Promise<ExecuteResult> {
  const notebook: StoredNotebook = { ...input, cells: input.cells.map(cell => ({ ...cell })) };
  const session = new CellSession();
  const statuses = new Map<number, CellStatus>();
  const skipped: number[] = [];
  let count = 0;
  let stoppedAt: number | null = null;
  for (const [index, cell] of notebook.cells.entries()) {
    if (!isCoroutineCell(cell)) {
      if (cell.cell_type === 'code') skipped.push(index);
      continue;
    }
    count++;
    const result = await session.runCell(
      { source: cellSource(cell), cellLabel: `In[${count}]`, executionCount: count, options: DEFAULT_CELL_OPTIONS },
      output => options.onOutput?.(index, output)
    );
    const outputs = options.chartImages
      ? await Promise.all(result.outputs.map(output => addChartImage(output, options.warn)))
      : result.outputs;
    notebook.cells[index] = { ...cell, outputs, execution_count: count };
    statuses.set(index, result.status);
    if (result.status !== 'ok' && !options.allowErrors) {
      stoppedAt = index;
      break;
    }
  }
  return { notebook, stoppedAt, statuses, skipped };
}
