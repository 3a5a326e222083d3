/**
 * When a notebook's background parts (the coroutine runtime, the TypeScript language service) are
 * started before the student first needs them: a few seconds after a notebook with coroutine cells
 * opened, once the page is idle. Nothing of them loads at JupyterLab start-up itself.
 */
import type { NotebookPanel } from '@jupyterlab/notebook';
import { isCoroutineCell, isCoroutineNotebook } from './cell-metadata';

/** How long a notebook with coroutine cells stays open before its background parts start anyway. */
export const PRESTART_DELAY_MS = 4_000;

/** Calls `start` once, `PRESTART_DELAY_MS` after `panel` opened and the page is idle, if it has coroutine cells. */
export function prestartWhenIdle(panel: NotebookPanel, start: () => void): void {
  void panel.context.ready.then(() => {
    const model = panel.context.model;
    if (!isCoroutineNotebook(model) && !Array.from(model.cells).some(cell => isCoroutineCell(cell))) return;
    const run = (): void => {
      if (!panel.isDisposed && !model.isDisposed) start();
    };
    const idle = (globalThis as { requestIdleCallback?: (fn: () => void, options: { timeout: number }) => void })
      .requestIdleCallback;
    setTimeout(() => (idle ? idle(run, { timeout: 2_000 }) : run()), PRESTART_DELAY_MS);
  });
}
