/**
 * The TypeScript language features of one notebook panel: its coroutine cells as the language
 * worker sees them, diagnostics refreshed after typing stops (the active cell first, then the
 * others; underlines and a problem count next to each cell's badge), signature help while a
 * call's arguments are typed, and Shift+Tab inspection. Starts when a coroutine cell of the
 * notebook first gets the focus or completion is asked, or when warmed up (idle-prestart.ts).
 */
import type { Cell } from '@jupyterlab/cells';
import type { CodeEditor } from '@jupyterlab/codeeditor';
import type { NotebookPanel } from '@jupyterlab/notebook';
import type { TranslationBundle } from '@jupyterlab/translation';
import type { EditorView } from '@codemirror/view';
import type { LanguageClient } from '../language/language-client';
import type { CellDiagnostic, CellSource, LanguageAnswers, LanguageQuery } from '../language/protocol';
import { isCoroutineCell } from './cell-metadata';
import { infoShown, languageExtension, showInfo, showProblems } from './language-editor';

/** Diagnostics are asked this long after the last keystroke. */
export const DIAGNOSTICS_DELAY_MS = 150;
/** The class of the problem count shown beside a coroutine cell's badge. */
export const PROBLEM_COUNT_CLASS = 'jp-CoroutineCells-problemCount';

/** The parts of JupyterLab's CodeMirror editor used here (not imported: @jupyterlab/codemirror). */
interface CodeMirrorLike {
  readonly editor: EditorView;
  injectExtension(extension: unknown): void;
}

function codeMirror(editor: CodeEditor.IEditor | null | undefined): CodeMirrorLike | null {
  const candidate = editor as unknown as Partial<CodeMirrorLike> | null | undefined;
  return candidate && candidate.editor && typeof candidate.injectExtension === 'function'
    ? (candidate as CodeMirrorLike)
    : null;
}

/** One notebook's language features. */
export class NotebookLanguage {
  private started = false;
  private round = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private signatureTimer: ReturnType<typeof setTimeout> | null = null;
  private signatureMode = false;
  private readonly extended = new WeakSet<object>();
  private readonly counts = new WeakMap<Cell, HTMLElement>();

  constructor(
    private readonly panel: NotebookPanel,
    private readonly client: LanguageClient,
    private readonly trans: TranslationBundle
  ) {
    const notebook = panel.content;
    notebook.activeCellChanged.connect(this.onActiveCell, this);
    notebook.stateChanged.connect((_, change) => change.name === 'mode' && this.onActiveCell(), this);
    notebook.model?.contentChanged.connect(this.onContent, this);
    notebook.modelChanged.connect(() => notebook.model?.contentChanged.connect(this.onContent, this));
    panel.disposed.connect(() => {
      this.round++;
      client.close(panel.id);
    });
    this.onActiveCell();
  }

  /** The coroutine cells of the notebook, in order. */
  coroutineCells(): Cell[] {
    return this.panel.content.widgets.filter(cell => cell.model.type === 'code' && isCoroutineCell(cell.model));
  }

  /** Whether `editor` is the editor of one of this notebook's coroutine cells. */
  isCoroutineEditor(editor: CodeEditor.IEditor): boolean {
    return this.cellIdOf(editor) !== null;
  }

  /** The id of the coroutine cell whose editor is `editor`. */
  cellIdOf(editor: CodeEditor.IEditor): string | null {
    return this.coroutineCells().find(cell => cell.editor === editor)?.model.id ?? null;
  }

  /** Asks the worker about one cell (starting the features); null when stale or on error. */
  async ask<K extends LanguageQuery['kind']>(
    cellId: string,
    query: Extract<LanguageQuery, { kind: K }>,
    channel = ''
  ): Promise<LanguageAnswers[K] | null> {
    this.start();
    const cells: CellSource[] = this.coroutineCells().map(cell => ({
      id: cell.model.id,
      source: cell.model.sharedModel.getSource()
    }));
    if (!cells.some(cell => cell.id === cellId)) return null;
    try {
      return await this.client.ask(this.panel.id, cells, cellId, query, channel);
    } catch (error) {
      console.warn('coroutine-cells: TypeScript language worker:', error);
      return null;
    }
  }

  /** Starts the features now: the worker loads and every coroutine cell's diagnostics are shown. */
  warmUp(): void {
    this.start();
  }

  /** Shows the signature and doc of the name at the cursor of the active coroutine cell. */
  async inspect(): Promise<boolean> {
    const cell = this.activeCoroutineCell();
    const cm = codeMirror(cell?.editor);
    if (!cell || !cm) return false;
    this.extend(cell);
    const pos = cm.editor.state.selection.main.head;
    const info = await this.ask(cell.model.id, { kind: 'quickInfo', offset: pos });
    this.signatureMode = false;
    showInfo(cm.editor, info ? { pos, signature: info.signature, documentation: info.documentation } : null);
    return info !== null;
  }

  private activeCoroutineCell(): Cell | null {
    const cell = this.panel.content.activeCell;
    return cell && cell.model.type === 'code' && isCoroutineCell(cell.model) ? cell : null;
  }

  /** Starts when a coroutine cell's editor gets the focus (edit mode), not when one is merely active. */
  private onActiveCell(): void {
    const cell = this.activeCoroutineCell();
    if (cell && this.panel.content.mode === 'edit') {
      this.start();
      this.extend(cell);
    }
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  private onContent(): void {
    if (!this.started) return;
    this.schedule(DIAGNOSTICS_DELAY_MS);
    this.maybeSignatureHelp();
  }

  private schedule(delay: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, delay);
  }

  /** Diagnostics of every coroutine cell, the active one first; a newer round stops an older one. */
  private async refresh(): Promise<void> {
    const round = ++this.round;
    const active = this.activeCoroutineCell();
    const cells = this.coroutineCells();
    const ordered = active ? [active, ...cells.filter(cell => cell !== active)] : cells;
    for (const cell of ordered) {
      const problems = await this.ask(cell.model.id, { kind: 'diagnostics' });
      if (round !== this.round || this.panel.isDisposed) return;
      if (problems && !cell.isDisposed) this.showProblems(cell, problems);
    }
  }

  private showProblems(cell: Cell, problems: CellDiagnostic[]): void {
    this.extend(cell);
    const cm = codeMirror(cell.editor);
    if (cm) showProblems(cm.editor, problems);
    const host = cell.inputArea?.editorWidget?.node;
    if (!host) return;
    let count = this.counts.get(cell);
    if (!count) {
      count = document.createElement('div');
      count.className = PROBLEM_COUNT_CLASS;
      this.counts.set(cell, count);
    }
    if (count.parentElement !== host) host.appendChild(count);
    // Just left of the cell's badge (cell-decorator.ts), which sits in the bottom-right corner.
    const badge = host.querySelector<HTMLElement>('.jp-CoroutineCells-badge');
    count.style.right = `${(badge?.offsetWidth ?? 0) + 12}px`;
    count.hidden = problems.length === 0;
    count.textContent = this.trans._n('%1 problem', '%1 problems', problems.length);
    const lines = problems.map(p => `${p.line}:${p.column} ${p.message} (TS${p.code})`);
    count.title = lines.join('\n');
    count.setAttribute('aria-label', count.textContent + (lines.length ? ': ' + lines.join('; ') : ''));
  }

  private extend(cell: Cell): void {
    const cm = codeMirror(cell.editor);
    if (cm && !this.extended.has(cm)) {
      this.extended.add(cm);
      cm.injectExtension(languageExtension());
    }
  }

  /** Signature help: after `(` or `,`, and while the tooltip shows, follows the call being typed. */
  private maybeSignatureHelp(): void {
    const cell = this.activeCoroutineCell();
    const cm = codeMirror(cell?.editor);
    if (!cell || !cm) return;
    const state = cm.editor.state;
    const pos = state.selection.main.head;
    const before = state.doc.sliceString(Math.max(0, pos - 1), pos);
    if (!(before === '(' || before === ',' || (this.signatureMode && infoShown(cm.editor)))) return;
    if (this.signatureTimer !== null) clearTimeout(this.signatureTimer);
    this.signatureTimer = setTimeout(async () => {
      this.signatureTimer = null;
      const at = cm.editor.state.selection.main.head;
      const help = await this.ask(cell.model.id, { kind: 'signatureHelp', offset: at });
      if (help === null) {
        if (this.signatureMode) showInfo(cm.editor, null);
        this.signatureMode = false;
        return;
      }
      this.signatureMode = true;
      const active = help.parameters[help.activeParameter]?.label;
      const doc = help.parameters[help.activeParameter]?.documentation;
      showInfo(cm.editor, {
        pos: at,
        signature: help.label,
        active,
        documentation: [doc ? `${active}: ${doc}` : '', help.documentation].filter(Boolean).join('\n\n')
      });
    }, 60);
  }
}
