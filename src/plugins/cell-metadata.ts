import type { ICellModel } from '@jupyterlab/cells';
import type { INotebookModel } from '@jupyterlab/notebook';

/** The metadata key that marks a coroutine cell (cell) or a coroutine notebook (notebook). */
export const METADATA_KEY = 'coroutine-cells';

/** True when the cell is a code cell whose metadata holds the coroutine-cells object. */
export function isCoroutineCell(model: ICellModel): boolean {
  if (model.type !== 'code') {
    return false;
  }
  const value = model.getMetadata(METADATA_KEY);
  // A malformed value (a string, say) still marks the user's intent; the executor reports it.
  return value !== undefined && value !== null && value !== false;
}

/** True when the notebook's metadata asks for every new code cell to be a coroutine cell. */
export function isCoroutineNotebook(model: INotebookModel | null): boolean {
  const value = model?.getMetadata(METADATA_KEY) as { default?: unknown } | undefined;
  return typeof value === 'object' && value !== null && value.default === true;
}
