/**
 * In a coroutine notebook (metadata `{"coroutine-cells": {"default": true}}`), makes every code
 * cell the user adds a coroutine cell: inserted, pasted, or changed from markdown/raw. It follows
 * the notebook's Yjs cell list, because only there is it known who made a change: loading or
 * reverting the file (which also rewrites the notebook metadata), undo/redo, and other
 * collaborators' edits are left exactly as they are.
 */
import type { ICellModel } from '@jupyterlab/cells';
import type { INotebookModel } from '@jupyterlab/notebook';
import { isCoroutineNotebook, METADATA_KEY } from './cell-metadata';

/** The few Yjs shapes used here (yjs is JupyterLab's singleton; this package does not import it). */
interface YTransactionLike {
  local: boolean;
  origin: unknown;
  changed: Map<unknown, Set<string | null>>;
}
interface YArrayEventLike {
  changes: { delta: Array<{ insert?: unknown[] }> };
}
interface YArrayLike {
  observe(f: (event: YArrayEventLike, transaction: YTransactionLike) => void): void;
  unobserve(f: (event: YArrayEventLike, transaction: YTransactionLike) => void): void;
}
interface YNotebookLike {
  ydoc: { getArray(name: string): YArrayLike };
  ymeta: unknown;
  undoManager: unknown;
}

/** Starts marking the new code cells of `model` (call once its content is loaded); returns a stop function. */
export function markNewCodeCells(model: INotebookModel): () => void {
  const shared = model.sharedModel as unknown as YNotebookLike;
  const ycells = shared.ydoc.getArray('cells');
  const observer = (event: YArrayEventLike, transaction: YTransactionLike) => {
    if (
      !transaction.local ||
      transaction.origin === shared.undoManager ||
      transaction.changed.has(shared.ymeta) ||
      !isCoroutineNotebook(model)
    ) {
      return;
    }
    const inserted = new Set<unknown>();
    for (const delta of event.changes.delta) {
      delta.insert?.forEach(item => inserted.add(item));
    }
    if (inserted.size === 0) {
      return;
    }
    const cells: ICellModel[] = [];
    for (let i = 0; i < model.cells.length; i++) {
      const cell = model.cells.get(i);
      const ymodel = (cell.sharedModel as unknown as { ymodel?: unknown }).ymodel;
      if (cell.type === 'code' && inserted.has(ymodel) && cell.getMetadata(METADATA_KEY) === undefined) {
        cells.push(cell);
      }
    }
    if (cells.length === 0) {
      return;
    }
    // Not undoable on its own: undoing the insertion removes the cell, marker and all.
    model.sharedModel.transact(() => {
      for (const cell of cells) {
        cell.sharedModel.setMetadata(METADATA_KEY, {});
      }
    }, false);
  };
  ycells.observe(observer);
  return () => ycells.unobserve(observer);
}
