import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ICommandPalette, Notification } from '@jupyterlab/apputils';
import { INotebookTracker, type Notebook } from '@jupyterlab/notebook';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { codeIcon } from '@jupyterlab/ui-components';
import type { Cell } from '@jupyterlab/cells';
import { isCoroutineCell } from './cell-metadata';
import {
  canChangeToCode,
  canChangeToCoroutine,
  changeToCode,
  changeToCoroutine,
  type ConversionResult
} from './cell-conversion';
import { coroutineCellIcon } from './icons';

/** The plugin id; its schema (shortcut, context menu, cell toolbar) is schema/cell-type.json. */
export const CELL_TYPE_PLUGIN_ID = 'jupyterlab-coroutine-cells:cell-type';

/** Command ids of this plugin. */
export const CellTypeCommandIDs = {
  toCoroutine: 'coroutine-cells:change-to-coroutine-cell',
  toCode: 'coroutine-cells:change-to-code-cell',
  /** The cell toolbar's button: one or the other, for the active cell. */
  toggle: 'coroutine-cells:toggle-coroutine-cell'
} as const;

/**
 * Making and unmaking coroutine cells: "Change to TypeScript coroutine cell" and "Change to Code
 * cell" in the command palette, the cell context menu, the cell toolbar and a command-mode shortcut
 * (T by default; the schema declares it, so the Settings Editor can change it).
 */
export const cellTypePlugin: JupyterFrontEndPlugin<void> = {
  id: CELL_TYPE_PLUGIN_ID,
  description:
    'Commands, shortcut, context-menu and cell-toolbar items to change a cell to a TypeScript coroutine cell and back.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ICommandPalette, ITranslator],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    palette: ICommandPalette | null,
    translator: ITranslator | null
  ) => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_coroutine_cells');
    const { commands } = app;
    const current = (): Notebook | null => tracker.currentWidget?.content ?? null;

    const report = (result: ConversionResult): ConversionResult => {
      if (result.readOnly > 0) {
        Notification.warning(
          trans._n('%1 read-only cell was not changed.', '%1 read-only cells were not changed.', result.readOnly),
          { autoClose: 5000 }
        );
      }
      return result;
    };
    const run = (change: (notebook: Notebook) => ConversionResult) => () => {
      const notebook = current();
      if (!notebook) {
        return { changed: 0, readOnly: 0 };
      }
      // A markdown cell changed to code is a new widget: give the focus back, as JupyterLab's
      // own cell-type change does, so command-mode keys (Z to undo) keep working.
      const wasFocused = notebook.node.contains(document.activeElement);
      const result = report(change(notebook));
      notebook.deselectAll();
      if (wasFocused) {
        notebook.activate();
      }
      commands.notifyCommandChanged(CellTypeCommandIDs.toggle);
      return result;
    };

    commands.addCommand(CellTypeCommandIDs.toCoroutine, {
      label: trans.__('Change to TypeScript Coroutine Cell'),
      caption: trans.__(
        'Make the selected cells TypeScript coroutine cells: they run on the coroutine scheduler and show a timing chart.'
      ),
      icon: coroutineCellIcon,
      isEnabled: () => current() !== null,
      isVisible: () => {
        const notebook = current();
        return notebook !== null && canChangeToCoroutine(notebook);
      },
      execute: run(changeToCoroutine)
    });
    commands.addCommand(CellTypeCommandIDs.toCode, {
      label: trans.__('Change to Code Cell'),
      caption: trans.__('Make the selected TypeScript coroutine cells ordinary code cells again (run by the kernel).'),
      icon: codeIcon,
      isEnabled: () => current() !== null,
      isVisible: () => {
        const notebook = current();
        return notebook !== null && canChangeToCode(notebook);
      },
      execute: run(changeToCode)
    });

    const activeIsCoroutine = () => {
      const cell = current()?.activeCell;
      return cell ? isCoroutineCell(cell.model) : false;
    };
    commands.addCommand(CellTypeCommandIDs.toggle, {
      label: args =>
        args.toolbar
          ? ''
          : activeIsCoroutine()
            ? trans.__('Change to Code Cell')
            : trans.__('Change to TypeScript Coroutine Cell'),
      caption: () =>
        activeIsCoroutine()
          ? trans.__('This is a TypeScript coroutine cell. Click to make it an ordinary code cell.')
          : trans.__('Change to TypeScript coroutine cell'),
      icon: () => (activeIsCoroutine() ? codeIcon : coroutineCellIcon),
      isEnabled: () => Boolean(current()?.activeCell),
      execute: () => {
        const notebook = current();
        if (!notebook?.activeCell) {
          return;
        }
        // The toolbar acts on the cell it sits in (the active cell), not on a wider selection.
        notebook.deselectAll();
        return isCoroutineCell(notebook.activeCell.model) ? run(changeToCode)() : run(changeToCoroutine)();
      }
    });

    if (palette) {
      // JupyterLab's own category, translated in JupyterLab's domain so the items join it.
      const category = (translator ?? nullTranslator).load('jupyterlab').__('Notebook Cell Operations');
      palette.addItem({ command: CellTypeCommandIDs.toCoroutine, category });
      palette.addItem({ command: CellTypeCommandIDs.toCode, category });
    }

    // The toolbar button's icon and tooltip follow the active cell and its metadata.
    let watched: Cell | null = null;
    const refresh = () => commands.notifyCommandChanged(CellTypeCommandIDs.toggle);
    tracker.activeCellChanged.connect((_, cell) => {
      watched?.model?.metadataChanged.disconnect(refresh);
      watched = cell;
      cell?.model.metadataChanged.connect(refresh);
      refresh();
    });
  }
};
