import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette, Notification } from '@jupyterlab/apputils';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import { ILauncher } from '@jupyterlab/launcher';
import {
  INotebookTracker,
  INotebookWidgetFactory,
  type NotebookPanel,
  type NotebookWidgetFactory
} from '@jupyterlab/notebook';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { UUID } from '@lumino/coreutils';
import { isCoroutineNotebook, METADATA_KEY } from './cell-metadata';
import { readCellMarker, readNotebookMarker } from './coroutine-metadata';
import { COROUTINE_NOTEBOOK_LOGO_URL, coroutineCellIcon } from './icons';
import { markNewCodeCells } from './new-cell-marker';
import {
  COROUTINE_KERNEL_NAME,
  COROUTINE_KERNELSPEC,
  coroutineNotebookContent,
  TYPESCRIPT_LANGUAGE_INFO
} from './notebook-template';

/** The plugin id; its schema (File › New item) is schema/coroutine-notebook.json. */
export const COROUTINE_NOTEBOOK_PLUGIN_ID = 'jupyterlab-coroutine-cells:coroutine-notebook';

/** Command ids of this plugin. */
export const NotebookCommandIDs = {
  create: 'coroutine-cells:create-notebook'
} as const;

/** The kernel preference of a notebook that needs no kernel: never start one, never ask. */
export const NO_KERNEL_PREFERENCE = { shouldStart: false, canStart: false, autoStartDefault: false };

/**
 * True when the notebook should open with no kernel: its kernelspec is the `coroutine-cells`
 * kernel (its cells run in the browser worker, so that kernel is never started here, installed
 * or not), or it is a coroutine notebook with no kernelspec.
 */
export function wantsNoKernel(kernelspec: { name?: unknown } | undefined, coroutineNotebook: boolean): boolean {
  if (kernelspec?.name === COROUTINE_KERNEL_NAME) return true;
  // JupyterLab saves an empty kernelspec ({"name": ""}) in a notebook that never had a kernel.
  return coroutineNotebook && !kernelspec?.name;
}

/**
 * A blank notebook made for the `coroutine-cells` kernel (its Launcher card, where the kernel is
 * installed) becomes a coroutine notebook: its cells run in the browser, so they must be coroutine
 * cells. A notebook with any content is left as it is.
 */
function adoptBlankKernelNotebook(panel: NotebookPanel, madeForKernel: boolean): void {
  const model = panel.context.model;
  const kernelspec = model.getMetadata('kernelspec') as { name?: unknown } | undefined;
  if ((!madeForKernel && kernelspec?.name !== COROUTINE_KERNEL_NAME) || isCoroutineNotebook(model)) return;
  const cells = Array.from({ length: model.cells.length }, (_, i) => model.cells.get(i));
  if (cells.some(cell => cell.sharedModel.getSource() !== '')) return;
  model.setMetadata(METADATA_KEY, { default: true });
  model.setMetadata('kernelspec', { ...COROUTINE_KERNELSPEC });
  model.setMetadata('language_info', { ...TYPESCRIPT_LANGUAGE_INFO });
  for (const cell of cells) if (cell.type === 'code') cell.setMetadata(METADATA_KEY, {});
}

function panelWantsNoKernel(panel: NotebookPanel): boolean {
  const model = panel.context.model;
  return wantsNoKernel(model.getMetadata('kernelspec') as { name?: unknown } | undefined, isCoroutineNotebook(model));
}

/**
 * A coroutine notebook: a Launcher card and File › New item create a notebook whose every new
 * code cell is a coroutine cell, with TypeScript language_info and no kernel. Opening one (from
 * here, the file browser or a reload) never starts or asks for a kernel; the user can still pick
 * one in the kernel selector to mix in kernel cells.
 */
export const coroutineNotebookPlugin: JupyterFrontEndPlugin<void> = {
  id: COROUTINE_NOTEBOOK_PLUGIN_ID,
  description: 'Creates TypeScript coroutine notebooks (Launcher, File › New) that open without a kernel.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ILauncher, ICommandPalette, IDefaultFileBrowser, ITranslator, INotebookWidgetFactory],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    launcher: ILauncher | null,
    palette: ICommandPalette | null,
    fileBrowser: IDefaultFileBrowser | null,
    translator: ITranslator | null,
    widgetFactory: NotebookWidgetFactory.IFactory | null
  ) => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_coroutine_cells');
    const { commands, serviceManager } = app;

    commands.addCommand(NotebookCommandIDs.create, {
      label: args =>
        args.isLauncher
          ? trans.__('TypeScript Coroutines')
          : args.isPalette
            ? trans.__('New TypeScript Coroutine Notebook')
            : trans.__('TypeScript Coroutine Notebook'),
      caption: trans.__(
        'Create a notebook of TypeScript coroutine cells (asyncio-style tasks with a timing chart); it needs no kernel.'
      ),
      icon: coroutineCellIcon,
      execute: async args => {
        const cwd = typeof args.cwd === 'string' ? args.cwd : (fileBrowser?.model.path ?? '');
        const created = await serviceManager.contents.newUntitled({ path: cwd, type: 'notebook' });
        const content = coroutineNotebookContent(UUID.uuid4());
        await serviceManager.contents.save(created.path, { type: 'notebook', format: 'json', content });
        return commands.execute('docmanager:open', {
          path: created.path,
          factory: 'Notebook',
          kernelPreference: NO_KERNEL_PREFERENCE
        });
      }
    });
    if (launcher) {
      launcher.add({
        command: NotebookCommandIDs.create,
        // JupyterLab's "Notebook" section, named in JupyterLab's domain so the card joins it.
        category: (translator ?? nullTranslator).load('jupyterlab').__('Notebook'),
        rank: 100,
        args: { isLauncher: true },
        kernelIconUrl: COROUTINE_NOTEBOOK_LOGO_URL
      });
    }
    if (palette) {
      palette.addItem({
        command: NotebookCommandIDs.create,
        category: trans.__('Coroutine Cells'),
        args: { isPalette: true }
      });
    }

    /** Whether each guarded notebook was made for the coroutine-cells kernel (its Launcher card). */
    const madeForKernelOf = new WeakMap<NotebookPanel, boolean>();
    /** Keeps a coroutine notebook from starting a kernel or showing the kernel dialog; once per panel. */
    const guardKernelPreference = (panel: NotebookPanel): void => {
      if (madeForKernelOf.has(panel)) return;
      const session = panel.sessionContext;
      // The document context sets the kernel preference from the file's metadata just before it
      // starts the session; adjusting it in this (synchronous) signal keeps a coroutine notebook
      // from starting a kernel or showing the kernel dialog, however it was opened.
      const guard = () => {
        const preference = session.kernelPreference;
        if (
          panel.context.isReady &&
          panelWantsNoKernel(panel) &&
          (preference.shouldStart !== false || preference.canStart !== false)
        ) {
          session.kernelPreference = { ...preference, ...NO_KERNEL_PREFERENCE };
        }
      };
      session.kernelPreferenceChanged.connect(guard);
      // A new notebook for the coroutine-cells kernel (its Launcher card) gets the kernel's name as
      // its preference before its file is even written: never start that kernel here.
      const madeForKernel = session.kernelPreference.name === COROUTINE_KERNEL_NAME;
      madeForKernelOf.set(panel, madeForKernel);
      if (madeForKernel) session.kernelPreference = { ...session.kernelPreference, ...NO_KERNEL_PREFERENCE };
      void panel.context.ready.then(() => {
        if (!panel.isDisposed) guard();
      });
    };
    // The widget factory announces a notebook synchronously, before its file is read; the tracker
    // announces it only after saving its state, which can come after the context has set the kernel
    // preference and started the session (so a guard connected there can miss it; JupyterLite).
    widgetFactory?.widgetCreated.connect((_, panel) => guardKernelPreference(panel));

    tracker.widgetAdded.connect((_, panel) => {
      guardKernelPreference(panel);
      const madeForKernel = madeForKernelOf.get(panel) ?? false;
      void panel.context.ready.then(() => {
        if (panel.isDisposed) {
          return;
        }
        adoptBlankKernelNotebook(panel, madeForKernel);
        const stop = markNewCodeCells(panel.context.model);
        panel.disposed.connect(stop);
        reportMalformedMetadata(panel);
      });
    });

    /** Says once, when a notebook opens, what in its coroutine metadata is invalid or ignored. */
    function reportMalformedMetadata(panel: NotebookPanel): void {
      const model = panel.context.model;
      const messages = readNotebookMarker(model.getMetadata(METADATA_KEY), (t, ...a) => trans.__(t, ...a)).problems;
      let invalid = 0;
      let ignored = 0;
      for (let i = 0; i < model.cells.length; i++) {
        const cell = model.cells.get(i);
        if (cell.type !== 'code') {
          continue;
        }
        const marker = readCellMarker(cell.getMetadata(METADATA_KEY));
        if (marker.invalid) {
          invalid++;
        } else if (marker.problems.length > 0) {
          ignored++;
        }
      }
      if (invalid > 0) {
        messages.push(
          trans._n(
            '%1 coroutine cell has invalid options and will not run until they are fixed (hover its ⚠ badge for details).',
            '%1 coroutine cells have invalid options and will not run until they are fixed (hover their ⚠ badges for details).',
            invalid
          )
        );
      }
      if (ignored > 0) {
        messages.push(
          trans._n(
            '%1 coroutine cell has options this version does not understand; they are ignored (hover its ⚠ badge for details).',
            '%1 coroutine cells have options this version does not understand; they are ignored (hover their ⚠ badges for details).',
            ignored
          )
        );
      }
      if (messages.length > 0) {
        Notification.warning(`${panel.title.label}: ${messages.join(' ')}`, { autoClose: false });
      }
    }
  }
};
