import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { IEditorServices } from '@jupyterlab/codeeditor';
import { INotebookTracker } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { Signal } from '@lumino/signaling';
import type { ClockMode } from '../protocol';
import { DEFAULT_PYTHON_VERSION, isPythonVersion, type PythonVersion } from '../scheduler/python-version';
import { NotebookDecorator, type DecoratorContext } from './cell-decorator';
import { EXECUTOR_PLUGIN_ID } from './executor';
import { TYPESCRIPT_LANGUAGE_INFO } from './notebook-template';

/** The plugin id (no settings of its own: the badge shows the executor's default clock). */
export const CELL_APPEARANCE_PLUGIN_ID = 'jupyterlab-coroutine-cells:cell-appearance';

/**
 * Recognising a coroutine cell: a badge with its clock mode, TypeScript highlighting and a distinct
 * prompt on every coroutine cell of every notebook, following metadata and settings live.
 */
export const cellAppearancePlugin: JupyterFrontEndPlugin<void> = {
  id: CELL_APPEARANCE_PLUGIN_ID,
  description: 'Shows a "TS coroutine" badge, TypeScript highlighting and a distinct prompt on coroutine cells.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ISettingRegistry, IEditorServices, ITranslator],
  activate: (
    _app: JupyterFrontEnd,
    tracker: INotebookTracker,
    settingRegistry: ISettingRegistry | null,
    editorServices: IEditorServices | null,
    translator: ITranslator | null
  ) => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_coroutine_cells');
    let clock: ClockMode = 'virtual';
    const clockChanged = new Signal<unknown, void>({});
    let python: PythonVersion = DEFAULT_PYTHON_VERSION;
    const context: DecoratorContext = {
      defaultClock: () => clock,
      defaultPython: () => python,
      defaultClockChanged: clockChanged,
      // JupyterLab's CodeMirror knows TypeScript as application/typescript, not text/typescript:
      // ask its MIME service, as the notebook does for the kernel's language_info.
      typescriptMimeType:
        editorServices?.mimeTypeService.getMimeTypeByLanguage(TYPESCRIPT_LANGUAGE_INFO) ?? 'application/typescript',
      trans: (text, ...args) => trans.__(text, ...args)
    };
    if (settingRegistry) {
      settingRegistry
        .load(EXECUTOR_PLUGIN_ID)
        .then(settings => {
          const update = () => {
            const value = settings.composite.clock;
            clock = value === 'real' ? 'real' : 'virtual';
            python = isPythonVersion(settings.composite.python) ? settings.composite.python : DEFAULT_PYTHON_VERSION;
            clockChanged.emit();
          };
          settings.changed.connect(update);
          update();
        })
        .catch(reason => console.warn('coroutine-cells: the default clock could not be read', reason));
    }
    tracker.widgetAdded.connect((_, panel) => {
      new NotebookDecorator(panel, context);
    });
  }
};
