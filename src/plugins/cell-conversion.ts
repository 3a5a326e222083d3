/**
 * Turns the selected cells of a notebook into TypeScript coroutine cells and back. Each call is one
 * transaction of the notebook's shared model, hence one step of the notebook's undo history
 * (`notebook:undo-cell-action`, Z / Ctrl+Z in command mode), like JupyterLab's own cell-type change.
 */
import type { Cell } from '@jupyterlab/cells';
import type { Notebook } from '@jupyterlab/notebook';
import { isCoroutineCell, METADATA_KEY } from './cell-metadata';

/** How many cells changed, and how many were skipped because they are read-only. */
export interface ConversionResult {
  changed: number;
  readOnly: number;
}

/** The Yjs undo manager's "start a new undo step here" (not in the shared-model interface). */
function stopCapturing(notebook: Notebook): void {
  const shared = notebook.model?.sharedModel as unknown as { undoManager?: { stopCapturing?: () => void } | null };
  // Without this, a change made within 500 ms of the previous edit merges into its undo step.
  shared.undoManager?.stopCapturing?.();
}

function selectedCells(notebook: Notebook): Array<{ cell: Cell; index: number }> {
  return notebook.widgets
    .map((cell, index) => ({ cell, index }))
    .filter(({ cell }) => notebook.isSelectedOrActive(cell));
}

function isReadOnly(cell: Cell): boolean {
  return cell.model.getMetadata('editable') === false;
}

/** True when some selected cell is not a coroutine cell yet (the command "Change to coroutine" applies). */
export function canChangeToCoroutine(notebook: Notebook): boolean {
  return selectedCells(notebook).some(({ cell }) => !isCoroutineCell(cell.model));
}

/** True when some selected cell is a coroutine cell (the command "Change to Code cell" applies). */
export function canChangeToCode(notebook: Notebook): boolean {
  return selectedCells(notebook).some(({ cell }) => isCoroutineCell(cell.model));
}

/**
 * Makes every selected cell a coroutine cell. A code cell gets the metadata object; a markdown or
 * raw cell first becomes a code cell with the same source and id (as JupyterLab's "Change to Code").
 */
export function changeToCoroutine(notebook: Notebook): ConversionResult {
  const result: ConversionResult = { changed: 0, readOnly: 0 };
  const model = notebook.model;
  if (!model) {
    return result;
  }
  const targets = selectedCells(notebook).filter(({ cell }) => !isCoroutineCell(cell.model));
  const shared = model.sharedModel;
  stopCapturing(notebook);
  shared.transact(() => {
    for (const { cell, index } of targets) {
      if (isReadOnly(cell)) {
        result.readOnly++;
        continue;
      }
      if (cell.model.type === 'code') {
        cell.model.sharedModel.setMetadata(METADATA_KEY, {});
      } else {
        const raw = cell.model.toJSON();
        // Delete and insert at the same index: the indexes of the other targets do not move.
        shared.deleteCell(index);
        shared.insertCell(index, {
          id: raw.id,
          cell_type: 'code',
          source: raw.source,
          // No outputs yet, so the cell can be trusted (JupyterLab does the same).
          metadata: { ...raw.metadata, trusted: true, [METADATA_KEY]: {} }
        });
      }
      result.changed++;
    }
  });
  stopCapturing(notebook);
  return result;
}

/** Makes every selected coroutine cell an ordinary code cell again (it keeps source and outputs). */
export function changeToCode(notebook: Notebook): ConversionResult {
  const result: ConversionResult = { changed: 0, readOnly: 0 };
  const model = notebook.model;
  if (!model) {
    return result;
  }
  const targets = selectedCells(notebook).filter(({ cell }) => isCoroutineCell(cell.model));
  stopCapturing(notebook);
  model.sharedModel.transact(() => {
    for (const { cell } of targets) {
      if (isReadOnly(cell)) {
        result.readOnly++;
        continue;
      }
      cell.model.sharedModel.deleteMetadata(METADATA_KEY);
      result.changed++;
    }
  });
  stopCapturing(notebook);
  return result;
}
