/**
 * `coroutine-cells check IN.ipynb`: re-runs the notebook's coroutine cells and compares each with
 * its stored outputs, so a course repository can verify its notebooks in CI. Cells on the real
 * clock (a `// @coroutine-cells clock=real` directive or
 * `"clock": "real"` in the metadata) are run but not compared: their times vary.
 */
import { resolveCellOptions } from '../runtime';
import { DEFAULT_CELL_OPTIONS } from '../protocol';
import { compareOutputs } from './compare-outputs';
import { executeNotebook, optionMetadata } from './execute-notebook';
import {
  cellSource,
  isCoroutineCell,
  isCoroutineNotebook,
  normaliseOutputs,
  type StoredNotebook
} from './notebook-file';
import type { CellRunner } from './runner-protocol';

/** The verdict on one notebook. */
export interface CheckResult {
  /** One entry per coroutine cell that differs: its index and the differences. */
  mismatches: { cell: number; differences: string[] }[];
  /** Cells compared and found equal. */
  matched: number;
  /** Cells on the real clock, not compared. */
  notCompared: number[];
  /** The run was interrupted (Ctrl-C): nothing was compared. */
  interrupted: boolean;
}

/** Re-runs `notebook` (in `runner`, default this thread) and compares every coroutine cell's outputs with the stored ones. */
export async function checkNotebook(
  notebook: StoredNotebook,
  warn: (text: string) => void,
  runner?: CellRunner
): Promise<CheckResult> {
  const run = await executeNotebook(notebook, { runner, allowErrors: true, chartImages: false, warn });
  const fresh = run.notebook;
  const result: CheckResult = { mismatches: [], matched: 0, notCompared: [], interrupted: run.interrupted };
  if (run.interrupted) return result;
  const byDefault = isCoroutineNotebook(notebook);
  for (const [index, cell] of notebook.cells.entries()) {
    if (!isCoroutineCell(cell, byDefault)) continue;
    const resolved = resolveCellOptions(DEFAULT_CELL_OPTIONS, optionMetadata(notebook, cell), cellSource(cell));
    if (resolved.ok && resolved.options.clock === 'real') {
      result.notCompared.push(index);
      continue;
    }
    const differences = compareOutputs(normaliseOutputs(cell.outputs), normaliseOutputs(fresh.cells[index].outputs));
    if (fresh.cells[index].execution_count !== cell.execution_count) {
      differences.push(`execution count ${cell.execution_count} stored, ${fresh.cells[index].execution_count} now`);
    }
    if (differences.length > 0) result.mismatches.push({ cell: index, differences });
    else result.matched++;
  }
  return result;
}
