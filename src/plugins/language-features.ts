/**
 * TypeScript in the editor of coroutine cells: completion (JupyterLab's completer), Shift+Tab
 * inspection, signature help and type errors, from a TypeScript language service in its own
 * worker (src/language/). Thin glue: the worker starts when a coroutine cell first gets the focus
 * or, in the background, a few idle seconds after such a notebook opened (idle-prestart.ts);
 * a worker that crashes or hangs is replaced, with a note, and never touches the cell runtime.
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { Notification } from '@jupyterlab/apputils';
import { ICompletionProviderManager } from '@jupyterlab/completer';
import { INotebookTracker, type NotebookPanel } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import type { TypeCheckMode } from '../protocol';
import { LanguageClient } from '../language/language-client';
import { CoroutineCompletionProvider, isNotebookPanel } from './language-completer';
import { prestartWhenIdle } from './idle-prestart';
import { NotebookLanguage } from './language-notebook';
import { createLanguageWorker } from './language-worker-factory';
import { setRunGate } from './type-check-gate';
import { ERROR_WAIT_MS, gateFor, typeCheckMode, WARN_WAIT_MS, within } from './type-check-run';

/** The plugin id. */
export const LANGUAGE_PLUGIN_ID = 'jupyterlab-coroutine-cells:language-features';

/** Command ids of this plugin. */
export const LanguageCommandIDs = {
  /** Shift+Tab in a coroutine cell: the signature and doc of the name at the cursor. */
  inspect: 'coroutine-cells:inspect-name'
} as const;

/** The language features plugin. */
export const languageFeaturesPlugin: JupyterFrontEndPlugin<void> = {
  id: LANGUAGE_PLUGIN_ID,
  description:
    'TypeScript completion, Shift+Tab inspection, signature help and type errors in coroutine cells, from a language service in a Web Worker.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ICompletionProviderManager, ITranslator, ISettingRegistry],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    completion: ICompletionProviderManager | null,
    translator: ITranslator | null,
    settingRegistry: ISettingRegistry | null
  ) => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_coroutine_cells');
    const client = new LanguageClient(createLanguageWorker, reason => {
      Notification.warning(trans.__('The TypeScript language service was restarted: %1. Cells keep running.', reason), {
        autoClose: 8000
      });
    });
    const languages = new WeakMap<NotebookPanel, NotebookLanguage>();
    const languageOf = (widget: unknown): NotebookLanguage | null =>
      isNotebookPanel(widget) ? (languages.get(widget) ?? null) : null;
    tracker.widgetAdded.connect((_, panel) => {
      const language = new NotebookLanguage(panel, client, trans);
      languages.set(panel, language);
      // Started with the runtime, so the first run's type check (typeCheck=warn waits for it) finds
      // the service warm instead of loading it then; the cells' problems show before any focus.
      prestartWhenIdle(panel, () => language.warmUp());
    });
    tracker.forEach(panel => languages.set(panel, new NotebookLanguage(panel, client, trans)));
    completion?.registerProvider(new CoroutineCompletionProvider(languageOf));

    let typeCheckSetting: TypeCheckMode = 'warn';
    settingRegistry
      ?.load(LANGUAGE_PLUGIN_ID)
      .then(settings => {
        const read = (): void => {
          const value = settings.get('typeCheck').composite;
          typeCheckSetting = value === 'off' || value === 'error' ? value : 'warn';
        };
        read();
        settings.changed.connect(read);
      })
      .catch(reason => console.warn('coroutine-cells: language settings not loaded, typeCheck=warn', reason));
    setRunGate(async (options, source) => {
      const mode = typeCheckMode(source, typeCheckSetting);
      const panel = tracker.find(p => p.content.model === options.notebook);
      const language = panel ? languageOf(panel) : null;
      if (mode === 'off' || !language) return gateFor('off', 0, []);
      const cellId = options.cell.model.id;
      const asked = language.ask(cellId, { kind: 'diagnostics' }, 'run');
      const problems = await within(asked, mode === 'error' ? ERROR_WAIT_MS : WARN_WAIT_MS);
      const cellNumber = [...options.notebook.cells].findIndex(cell => cell.id === cellId) + 1;
      return gateFor(mode, cellNumber, problems && problems.filter(p => p.severity === 'error'));
    });

    app.commands.addCommand(LanguageCommandIDs.inspect, {
      label: trans.__('Show the Signature and Doc of the Name at the Cursor'),
      execute: async () => {
        const panel = tracker.currentWidget;
        return panel ? languageOf(panel)?.inspect() : false;
      }
    });
    // Shift+Tab is bound in schema/language-features.json with a selector more specific than
    // the kernel tooltip's, so it wins in coroutine cells only.
  }
};
