import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { Dialog, ICommandPalette, ISessionContextDialogs, showDialog } from '@jupyterlab/apputils';
import { INotebookTracker, NotebookActions, type NotebookPanel } from '@jupyterlab/notebook';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { refreshIcon, stopIcon } from '@jupyterlab/ui-components';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';
import { prestartWhenIdle } from './idle-prestart';
import { IRuntimeRegistry, type RuntimeRegistry } from './runtime-registry';
import { warmUpVega } from './safe-vega';

/** The plugin id; its schema (Kernel menu items) is schema/runtime-control.json. */
export const RUNTIME_CONTROL_PLUGIN_ID = 'jupyterlab-coroutine-cells:runtime-control';

/** Command ids of this plugin. */
export const RuntimeCommandIDs = {
  interrupt: 'coroutine-cells:interrupt-runtime',
  restart: 'coroutine-cells:restart-runtime'
} as const;

/** JupyterLab's notebook commands this plugin follows. */
const NOTEBOOK_INTERRUPT = 'notebook:interrupt-kernel';
const NOTEBOOK_RESTARTS = [
  'notebook:restart-kernel',
  'notebook:restart-run-all',
  'notebook:restart-and-run-to-selected'
];

/**
 * Interrupt and restart of the coroutine runtime, from this plugin's own commands and from the
 * notebook's: the toolbar's Interrupt button, I,I and Kernel › Interrupt run `notebook:interrupt-kernel`,
 * which this plugin follows through `commandExecuted`. A kernel restart (toolbar, 0,0, Kernel menu,
 * Restart and Run All) is followed through the session's 'restarting' status, which comes after
 * the user confirmed and before Run All starts. A notebook with no kernel cannot restart one, so
 * JupyterLab's restart commands fail there; then this plugin asks itself and restarts the runtime
 * (and runs the cells for Restart and Run All).
 */
export const runtimeControlPlugin: JupyterFrontEndPlugin<void> = {
  id: RUNTIME_CONTROL_PLUGIN_ID,
  description:
    "Interrupts and restarts a notebook's coroutine runtime, with the notebook's own Interrupt and Restart actions too.",
  autoStart: true,
  requires: [INotebookTracker, IRuntimeRegistry],
  optional: [ICommandPalette, ISessionContextDialogs, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    runtimeRegistry: RuntimeRegistry,
    palette: ICommandPalette | null,
    sessionDialogs: ISessionContextDialogs | null,
    translator: ITranslator | null
  ) => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_coroutine_cells');
    const { commands } = app;
    const panelOf = (args: ReadonlyPartialJSONObject): NotebookPanel | null => {
      // The same resolution as JupyterLab's notebook commands (cell toolbar, semantic commands).
      const id = args['widgetId'] ?? args['semanticWidget'];
      return typeof id === 'string' ? (tracker.find(panel => panel.id === id) ?? null) : tracker.currentWidget;
    };
    const interrupt = (panel: NotebookPanel | null): boolean => {
      const runtime = panel?.context.model ? runtimeRegistry.find(panel.context.model) : undefined;
      runtime?.interrupt();
      return runtime !== undefined;
    };
    const restart = (panel: NotebookPanel | null): boolean => {
      const runtime = panel?.context.model ? runtimeRegistry.find(panel.context.model) : undefined;
      runtime?.restart();
      return runtime !== undefined;
    };

    commands.addCommand(RuntimeCommandIDs.interrupt, {
      label: trans.__('Interrupt Coroutine Runtime'),
      caption: trans.__(
        'Cancel every task of the running coroutine cell (its finally blocks run); a cell stuck in synchronous code is stopped by restarting the runtime.'
      ),
      icon: args => (args.toolbar ? stopIcon : undefined),
      isEnabled: () => tracker.currentWidget !== null,
      execute: args => interrupt(panelOf(args))
    });
    commands.addCommand(RuntimeCommandIDs.restart, {
      label: trans.__('Restart Coroutine Runtime'),
      caption: trans.__("Stop the notebook's coroutine runtime and forget every declaration of its coroutine cells."),
      icon: args => (args.toolbar ? refreshIcon : undefined),
      isEnabled: () => tracker.currentWidget !== null,
      execute: args => restart(panelOf(args))
    });
    if (palette) {
      const category = trans.__('Coroutine Cells');
      palette.addItem({ command: RuntimeCommandIDs.interrupt, category });
      palette.addItem({ command: RuntimeCommandIDs.restart, category });
    }

    // A kernel restart, however it was asked for, restarts the coroutine runtime too.
    const lastRestart = new WeakMap<NotebookPanel, number>();
    tracker.widgetAdded.connect((_, panel) => {
      // The first run then waits neither for the worker and its TypeScript compiler (seconds on a
      // slow machine) nor its chart for Vega's code.
      prestartWhenIdle(panel, () => {
        runtimeRegistry.get(panel.context.model).warmUp();
        warmUpVega(panel.content.rendermime);
      });
      panel.sessionContext.statusChanged.connect((_, status) => {
        if (status === 'restarting') {
          lastRestart.set(panel, Date.now());
          restart(panel);
        }
      });
    });

    commands.commandExecuted.connect((_, { id, args, result }) => {
      if (id === NOTEBOOK_INTERRUPT) {
        interrupt(panelOf(args));
      } else if (NOTEBOOK_RESTARTS.includes(id)) {
        const panel = panelOf(args);
        const asked = Date.now();
        result.then(
          restarted => {
            // A notebook whose kernel was shut down gets a new kernel instead of a restart (no
            // 'restarting' status): restart the runtime with it.
            if (
              panel &&
              restarted === true &&
              id === 'notebook:restart-kernel' &&
              (lastRestart.get(panel) ?? 0) < asked
            ) {
              restart(panel);
            }
          },
          () => {
            // With no kernel at all, JupyterLab's command fails ("No kernel to restart") before
            // asking anything: ask and restart here.
            if (panel && !panel.isDisposed && !panel.sessionContext.session?.kernel) {
              void restartWithoutKernel(panel, id);
            }
          }
        );
      }
    });

    async function restartWithoutKernel(panel: NotebookPanel, command: string): Promise<void> {
      const dialogs = sessionDialogs ?? undefined;
      const appTranslator = translator ?? nullTranslator;
      const answer = await showDialog({
        title: trans.__('Restart the coroutine runtime?'),
        body: trans.__('Every declaration of the coroutine cells of "%1" will be forgotten.', panel.title.label),
        buttons: [Dialog.cancelButton(), Dialog.warnButton({ label: trans.__('Restart') })]
      });
      if (!answer.button.accept || panel.isDisposed) {
        return;
      }
      restart(panel);
      const notebook = panel.content;
      if (command === 'notebook:restart-run-all') {
        await NotebookActions.runAll(notebook, panel.sessionContext, dialogs, appTranslator);
      } else if (command === 'notebook:restart-and-run-to-selected') {
        const cells = notebook.widgets.slice(0, notebook.activeCellIndex + 1);
        await NotebookActions.runCells(notebook, cells, panel.sessionContext, dialogs, appTranslator);
      }
    }
  }
};
