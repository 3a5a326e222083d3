/**
 * Serves language requests for many notebooks (one NotebookProgram each, sharing the parsed
 * lib and API files): the logic of the language worker, usable in Node as well.
 */
import ts from 'typescript';
import { NotebookProgram, type LanguageFiles } from './notebook-program';
import type { CellUpdate, FromLanguage, LanguageAnswers, LanguageQuery, ToLanguage } from './protocol';

/** Notebooks by id, each with its cells' last known text. */
export class LanguageHost {
  private readonly notebooks = new Map<string, { program: NotebookProgram; sources: Map<string, string> }>();

  constructor(
    private readonly files: LanguageFiles,
    private readonly registry: ts.DocumentRegistry = ts.createDocumentRegistry()
  ) {}

  /** Applies a non-request message (close, reset). */
  handle(message: ToLanguage): void {
    if (message.type === 'close') this.notebooks.delete(message.notebook);
    else if (message.type === 'reset') this.notebooks.clear();
  }

  /** Brings a notebook's cells up to date (sources only for cells that changed). */
  sync(notebook: string, cells: CellUpdate[]): NotebookProgram {
    let entry = this.notebooks.get(notebook);
    if (!entry) {
      entry = { program: new NotebookProgram(this.files, this.registry), sources: new Map() };
      this.notebooks.set(notebook, entry);
    }
    const sources = new Map<string, string>();
    for (const cell of cells) {
      const source = cell.source ?? entry.sources.get(cell.id);
      if (source === undefined) throw new Error(`language worker: cell ${cell.id} arrived without its text`);
      sources.set(cell.id, source);
    }
    entry.sources = sources;
    entry.program.setCells([...sources].map(([id, source]) => ({ id, source })));
    return entry.program;
  }

  /** Answers one request (the cells are synced first). */
  answer(message: Extract<ToLanguage, { type: 'request' }>): FromLanguage {
    const started = performance.now();
    try {
      const program = this.sync(message.notebook, message.cells);
      const result = query(program, message.cellId, message.query);
      return { type: 'answer', requestId: message.requestId, ok: true, result, ms: performance.now() - started };
    } catch (error) {
      return {
        type: 'answer',
        requestId: message.requestId,
        ok: false,
        error: String((error as Error)?.stack ?? error)
      };
    }
  }
}

/** Runs one query on a program. */
export function query<K extends LanguageQuery['kind']>(
  program: NotebookProgram,
  cellId: string,
  q: LanguageQuery & { kind: K }
): LanguageAnswers[K] {
  const asked = q as LanguageQuery;
  switch (asked.kind) {
    case 'diagnostics':
      return program.diagnostics(cellId) as LanguageAnswers[K];
    case 'completions':
      return program.completions(cellId, asked.offset) as LanguageAnswers[K];
    case 'completionDetails':
      return program.completionDetails(cellId, asked.offset, asked.name) as LanguageAnswers[K];
    case 'quickInfo':
      return program.quickInfo(cellId, asked.offset) as LanguageAnswers[K];
    case 'signatureHelp':
      return program.signatureHelp(cellId, asked.offset) as LanguageAnswers[K];
  }
  throw new Error(`language worker: unknown query kind ${JSON.stringify((asked as { kind: unknown }).kind)}`);
}
