import type { ICellModel } from '@jupyterlab/cells';
import type { INotebookModel } from '@jupyterlab/notebook';

import {
  isCoroutineCell as isCoroutineCellMarked,
  isCoroutineNotebook as isCoroutineNotebookMarked,
  METADATA_KEY
} from '../protocol';

export { METADATA_KEY };

/** True when the cell is a code cell whose metadata holds the coroutine-cells object. */
export function isCoroutineCell(model: ICellModel): boolean {
  return isCoroutineCellMarked(model.type, model.getMetadata(METADATA_KEY));
}

/** True when the notebook's metadata asks for every new code cell to be a coroutine cell. */
export function isCoroutineNotebook(model: INotebookModel | null): boolean {
  return isCoroutineNotebookMarked(model?.getMetadata(METADATA_KEY));
}
