import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { INotebookTracker, type NotebookPanel } from '@jupyterlab/notebook';
import { IStatusBar } from '@jupyterlab/statusbar';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { Signal } from '@lumino/signaling';
import { Widget } from '@lumino/widgets';
import { isCoroutineCell, isCoroutineNotebook } from './cell-metadata';
import { IRuntimeRegistry, type NotebookRuntime, type RuntimeRegistry, type RuntimeState } from './runtime-registry';

/** The plugin id (no settings). */
export const RUNTIME_STATUS_PLUGIN_ID = 'jupyterlab-coroutine-cells:runtime-status';

/** The body attribute that hides JupyterLab's "No Kernel" item while ours stands in for it. */
const NO_KERNEL_ATTRIBUTE = 'data-coroutine-cells-runtime';

function hasCoroutineCells(panel: NotebookPanel): boolean {
  const cells = panel.context.model.cells;
  for (let i = 0; i < cells.length; i++) {
    if (isCoroutineCell(cells.get(i))) {
      return true;
    }
  }
  return false;
}

/**
 * The coroutine runtime's state (Idle / Busy) in the status bar for the current notebook, when
 * it is a coroutine notebook or has coroutine cells. When that notebook has no kernel, this item
 * stands in for JupyterLab's kernel status ("No Kernel"), which is hidden meanwhile.
 */
export const runtimeStatusPlugin: JupyterFrontEndPlugin<void> = {
  id: RUNTIME_STATUS_PLUGIN_ID,
  description: "Shows the current notebook's coroutine runtime state (idle/busy) in the status bar.",
  autoStart: true,
  requires: [INotebookTracker, IRuntimeRegistry],
  optional: [IStatusBar, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    runtimeRegistry: RuntimeRegistry,
    statusBar: IStatusBar | null,
    translator: ITranslator | null
  ) => {
    if (!statusBar) {
      // Jupyter Notebook 7 has no status bar; its toolbar shows the kernel state.
      return;
    }
    const trans = (translator ?? nullTranslator).load('jupyterlab_coroutine_cells');
    const item = new Widget();
    item.addClass('jp-CoroutineCells-status');
    const changed = new Signal<Widget, void>(item);
    let panel: NotebookPanel | null = null;
    let runtime: NotebookRuntime | undefined;
    let active = false;

    const labels: Record<RuntimeState, string> = {
      idle: trans.__('Idle'),
      busy: trans.__('Busy')
    };
    const render = () => {
      const state: RuntimeState = runtime?.state ?? 'idle';
      item.node.textContent = trans.__('TS coroutines | %1', labels[state] ?? state);
      item.node.dataset.state = state;
      item.node.title = trans.__(
        'The coroutine runtime of %1 is %2.',
        panel?.title.label ?? '',
        labels[state] ?? state
      );
      const wasActive = active;
      active =
        panel !== null &&
        !panel.isDisposed &&
        (isCoroutineNotebook(panel.context.model) || runtime !== undefined || hasCoroutineCells(panel));
      const noKernel = active && !panel?.sessionContext.session?.kernel;
      document.body.toggleAttribute(NO_KERNEL_ATTRIBUTE, noKernel);
      if (wasActive !== active) {
        changed.emit();
      }
    };
    const follow = (next: NotebookPanel | null) => {
      if (panel) {
        panel.sessionContext.kernelChanged.disconnect(render);
        panel.context.model.cells.changed.disconnect(render);
      }
      runtime?.stateChanged.disconnect(render);
      panel = next;
      runtime = panel ? runtimeRegistry.find(panel.context.model) : undefined;
      runtime?.stateChanged.connect(render);
      if (next) {
        next.sessionContext.kernelChanged.connect(render);
        void next.context.ready.then(() => {
          if (panel === next) {
            next.context.model.cells.changed.connect(render);
            render();
          }
        });
      }
      render();
    };
    runtimeRegistry.runtimeAdded.connect((_, added) => {
      if (panel && added.model === panel.context.model) {
        follow(panel);
      }
    });
    // The current notebook if the main area shows one (the tracker keeps the last one otherwise).
    const current = () => {
      const widget = app.shell.currentWidget;
      return widget && tracker.has(widget) ? (widget as NotebookPanel) : null;
    };
    app.shell.currentChanged?.connect(() => follow(current()));
    tracker.currentChanged.connect(() => follow(current()));
    statusBar.registerStatusItem(RUNTIME_STATUS_PLUGIN_ID, {
      item,
      align: 'left',
      rank: 1,
      isActive: () => active,
      activeStateChanged: changed
    });
    follow(current());
  }
};
