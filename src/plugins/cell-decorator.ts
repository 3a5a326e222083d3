/**
 * What makes a coroutine cell recognisable in a notebook: the class `jp-CoroutineCell` (distinct
 * prompt and editor edge, style/cells.css), a badge "TS coroutine · virtual" in its editor, and
 * TypeScript highlighting (the editor MIME type, re-applied whenever the notebook resets it: on
 * insert, on a kernel or language change). Everything follows the cell's metadata live, so undo,
 * the commands and hand edits of the metadata all show at once.
 */
import type { Cell, ICellModel, ICodeCellModel } from '@jupyterlab/cells';
import type { Notebook, NotebookPanel } from '@jupyterlab/notebook';
import type { IChangedArgs } from '@jupyterlab/coreutils';
import { Signal, type ISignal } from '@lumino/signaling';
import type { ClockMode } from '../protocol';
import type { PythonVersion } from '../scheduler/python-version';
import { badgeLabel } from './badge-label';
import { isCoroutineCell, METADATA_KEY } from './cell-metadata';
import type { Translate } from './coroutine-metadata';

/** The class of a coroutine cell's widget. */
export const COROUTINE_CELL_CLASS = 'jp-CoroutineCell';
/** The class of the badge element. */
export const BADGE_CLASS = 'jp-CoroutineCells-badge';

/** What every decorated cell shares: the default clock, the TypeScript MIME type, the translator. */
export interface DecoratorContext {
  /** The default clock from the Settings Editor (the executor's settings). */
  defaultClock(): ClockMode;
  /** Emits when the default clock changes (badges update without a reload). */
  readonly defaultClockChanged: ISignal<unknown, void>;
  /** The default asyncio version from the Settings Editor (absent: 3.11). */
  defaultPython?(): PythonVersion;
  /** The editor MIME type that gives TypeScript highlighting. */
  typescriptMimeType: string;
  trans: Translate;
}

/** Decorates one code cell widget for as long as it lives. */
class CellView {
  constructor(
    private readonly _cell: Cell,
    private readonly _notebook: Notebook,
    private readonly _context: DecoratorContext
  ) {
    const model = _cell.model;
    model.metadataChanged.connect(this._onMetadataChanged, this);
    model.mimeTypeChanged.connect(this._onMimeTypeChanged, this);
    model.sharedModel.changed.connect(this._onSharedChanged, this);
    _context.defaultClockChanged.connect(this.update, this);
    _cell.disposed.connect(() => Signal.clearData(this));
    // The editor exists once the cell has rendered (cells outside the viewport render later).
    void _cell.ready.then(() => this.update());
    this.update();
  }

  /** Applies the class, badge and MIME type for the cell's current metadata and first line. */
  update(): void {
    const cell = this._cell;
    if (cell.isDisposed) {
      return;
    }
    const coroutine = isCoroutineCell(cell.model);
    cell.toggleClass(COROUTINE_CELL_CLASS, coroutine);
    this._applyMimeType(coroutine);
    this._applyBadge(coroutine);
  }

  private _applyMimeType(coroutine: boolean): void {
    const wanted = coroutine ? this._context.typescriptMimeType : this._notebook.codeMimetype;
    const model = this._cell.model;
    // A cell that never was a coroutine cell keeps whatever the notebook gave it.
    if (model.mimeType !== wanted && (coroutine || this._wasCoroutine)) {
      model.mimeType = wanted;
    }
    this._wasCoroutine = coroutine;
  }

  private _applyBadge(coroutine: boolean): void {
    const host = this._cell.inputArea?.editorWidget?.node;
    if (!coroutine || !host) {
      this._badge?.remove();
      this._badge = null;
      return;
    }
    const source = this._cell.model.sharedModel.getSource();
    const label = badgeLabel(
      source,
      this._cell.model.getMetadata(METADATA_KEY),
      this._context.defaultClock(),
      this._context.trans,
      this._notebook.model?.getMetadata(METADATA_KEY),
      this._context.defaultPython?.()
    );
    if (!this._badge) {
      this._badge = document.createElement('div');
      this._badge.className = BADGE_CLASS;
    }
    if (this._badge.parentElement !== host) {
      host.appendChild(this._badge);
    }
    this._badge.textContent = label.text;
    this._badge.title = label.title;
    this._badge.setAttribute('aria-label', label.title);
    this._badge.dataset.clock = label.clock;
    this._badge.dataset.python = label.python;
    this._badge.classList.toggle('jp-mod-warning', label.warning);
    this._firstLine = firstLine(source);
  }

  private _onMetadataChanged(_: ICellModel, args: { key: string }): void {
    if (args.key === METADATA_KEY) {
      this.update();
    }
  }

  private _onMimeTypeChanged(_: unknown, args: IChangedArgs<string>): void {
    // The notebook sets every code cell to the kernel's language on insert and on kernel change.
    if (isCoroutineCell(this._cell.model) && args.newValue !== this._context.typescriptMimeType) {
      this._applyMimeType(true);
    }
  }

  private _onSharedChanged(_: unknown, args: { sourceChange?: unknown }): void {
    // Only the first line (a directive) can change the badge.
    if (args.sourceChange && this._badge && firstLine(this._cell.model.sharedModel.getSource()) !== this._firstLine) {
      this.update();
    }
  }

  private _badge: HTMLElement | null = null;
  private _firstLine = '';
  private _wasCoroutine = false;
}

/**
 * A coroutine cell that appears already "running" is a copy of a cell that was deleted (then
 * restored by undo) while it ran: the run went on with the deleted cell's model, and nothing will
 * ever end this copy's run, so its prompt would stay at [*]. A new cell model is never one the
 * executor is running (it marks cells running after they exist), so this copy is set idle.
 */
function releaseOrphanedRun(cell: Cell): void {
  const model = cell.model as ICodeCellModel;
  if (isCoroutineCell(model) && model.executionState === 'running') {
    // After the change that added the cell has been applied (this runs inside its observers).
    void Promise.resolve().then(() => {
      if (!model.isDisposed && model.executionState === 'running') {
        model.executionState = 'idle';
      }
    });
  }
}

function firstLine(source: string): string {
  const end = source.indexOf('\n');
  return end < 0 ? source : source.slice(0, end);
}

/** Decorates every code cell of a notebook panel, including cells added later. */
export class NotebookDecorator {
  constructor(
    private readonly _panel: NotebookPanel,
    private readonly _context: DecoratorContext
  ) {
    _panel.content.modelChanged.connect(this._connectModel, this);
    this._connectModel();
  }

  private _connectModel(): void {
    const model = this._panel.content.model;
    if (model && model !== this._model) {
      this._model?.cells.changed.disconnect(this._scan, this);
      this._model?.metadataChanged.disconnect(this._onNotebookMetadata, this);
      this._model = model;
      model.cells.changed.connect(this._scan, this);
      // Notebook-level options change every cell's badge (they sit under the cells' own options).
      model.metadataChanged.connect(this._onNotebookMetadata, this);
    }
    this._scan();
  }

  private _onNotebookMetadata(_: unknown, args: { key: string }): void {
    if (args.key === METADATA_KEY) {
      for (const view of this._views.values()) {
        view.update();
      }
    }
  }

  private _scan(): void {
    const notebook = this._panel.content;
    // One pass over the widgets: cheap even for hundreds of cells, and it catches every way a
    // cell appears (insert, paste, type change, undo, load).
    for (const widget of notebook.widgets) {
      if (widget.model.type === 'code' && !this._views.has(widget)) {
        this._views.set(widget, new CellView(widget, notebook, this._context));
        widget.disposed.connect(() => this._views.delete(widget));
        releaseOrphanedRun(widget);
      }
    }
  }

  private _model: Notebook['model'] = null;
  private _views = new Map<Cell, CellView>();
}
