/**
 * One TypeScript program per notebook, as the runtime sees the notebook: its coroutine cells in
 * notebook order, each a module (so top-level `await` is valid and a name declared again by a
 * re-run or another cell is no "already declared" error), linked by hidden imports appended after
 * the cell's text: a cell imports each name it does not declare from the nearest earlier cell that
 * declares it (else, if the cell mentions it, from the first later one: a function may call what
 * a later cell defines, as at run time), and the API names nobody shadows from 'coroutine-cells'.
 * The appended text comes after the cell's own, so positions in the cell are the file's positions.
 */
import ts from 'typescript';
import { API_GLOBALS, API_INDEX, type DeclarationFiles } from './api-declarations';
import { declaredNames, type CellNames } from './cell-names';
import type {
  CellDiagnostic,
  CellSource,
  CompletionItem,
  CompletionList,
  InspectionResult,
  SignatureHelpResult
} from './protocol';

/** The compiler options of a cell as the editor checks it. */
export const CELL_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleDetection: ts.ModuleDetectionKind.Force,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
  types: [],
  strict: true,
  // Lessons are written like Python: parameters without types must not be errors.
  noImplicitAny: false,
  noEmit: true,
  skipLibCheck: true,
  allowUnreachableCode: true,
  allowUnusedLabels: true
};

/** The files a notebook program needs besides its cells: ES lib files and the API declarations. */
export interface LanguageFiles {
  /** ES library files by file name (`lib.es2023.d.ts` → text); see `libFileClosure`. */
  libs: Readonly<Record<string, string>>;
  /** The API declarations (`emitApiDeclarations`). */
  api: Readonly<DeclarationFiles>;
}

const LIB_DIR = '/lib/';
/** TS2632: "Cannot assign to 'x' because it is an import" (a hidden import of another cell's name). */
const ASSIGN_TO_IMPORT = 2632;
const CELL_DIR = '/cells/';

interface CellEntry {
  id: string;
  file: string;
  source: string;
  names: CellNames;
  text: string;
  /** The appended imports and exports (see `tail`). */
  tail?: string;
  version: number;
}

/** A notebook's coroutine cells as one TypeScript program, with the language service's answers. */
export class NotebookProgram {
  private cells: CellEntry[] = [];
  private readonly byId = new Map<string, CellEntry>();
  private nextFile = 0;
  private projectVersion = 0;
  private readonly service: ts.LanguageService;
  private readonly apiNames: string[];

  /** `registry` lets several notebooks share the parsed lib and API files. */
  constructor(
    private readonly files: LanguageFiles,
    registry?: ts.DocumentRegistry
  ) {
    this.apiNames = apiExportNames(files.api);
    const host: ts.LanguageServiceHost = {
      getCompilationSettings: () => CELL_COMPILER_OPTIONS,
      getProjectVersion: () => String(this.projectVersion),
      getScriptFileNames: () => [API_GLOBALS, ...this.cells.map(c => c.file)],
      getScriptVersion: name => String(this.byFile(name)?.version ?? 0),
      getScriptSnapshot: name => {
        const text = this.readFile(name);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => '/',
      getDefaultLibFileName: () => LIB_DIR + 'lib.d.ts',
      fileExists: name => this.readFile(name) !== undefined,
      readFile: name => this.readFile(name),
      resolveModuleNameLiterals: (literals, containing) =>
        literals.map(literal => ({ resolvedModule: this.resolve(literal.text, containing) }))
    };
    this.service = ts.createLanguageService(host, registry ?? ts.createDocumentRegistry());
  }

  /** Sets the notebook's coroutine cells, in notebook order (only changed cells are re-parsed). */
  setCells(cells: readonly CellSource[]): void {
    let changed = cells.length !== this.cells.length;
    let edited = false;
    const next: CellEntry[] = [];
    for (const [index, cell] of cells.entries()) {
      let entry = this.byId.get(cell.id);
      if (!entry) {
        const file = `${CELL_DIR}c${this.nextFile++}.ts`;
        entry = {
          id: cell.id,
          file,
          source: '\0',
          names: { names: [], exported: new Set(), closer: '', mentioned: new Set(), mutable: new Set() },
          text: '',
          version: 0
        };
        this.byId.set(cell.id, entry);
      }
      if (entry.source !== cell.source) {
        const before = entry.names;
        entry.source = cell.source;
        entry.names = declaredNames(cell.source);
        entry.version++;
        edited = true;
        if (!sameNames(before, entry.names)) changed = true;
      }
      if (this.cells[index] !== entry) changed = true;
      next.push(entry);
    }
    const kept = new Set(next);
    for (const [id, entry] of this.byId) if (!kept.has(entry)) this.byId.delete(id);
    this.cells = next;
    this.link(changed);
    // Same cells, same text: keep the program (and its checker's work) for the next question.
    if (changed || edited) this.projectVersion++;
  }

  /** The cells' ids in notebook order. */
  cellIds(): string[] {
    return this.cells.map(c => c.id);
  }

  /** Type and syntax errors of one cell, positions in the cell's own text. */
  diagnostics(cellId: string): CellDiagnostic[] {
    const cell = this.cell(cellId);
    const syntactic = this.service.getSyntacticDiagnostics(cell.file);
    const found = [...syntactic, ...this.service.getSemanticDiagnostics(cell.file)];
    const out: CellDiagnostic[] = [];
    let pastEnd = false;
    if (cell.names.closer) {
      // The appended text closes the open comment or template (see `tail`): report it here.
      const at = cell.source.length;
      const [code, message] =
        cell.names.closer === '*/' ? [1010, "'*/' expected."] : [1160, 'Unterminated template literal.'];
      out.push({ from: at, to: at, ...lineColumn(cell.source, at), message, code, severity: 'error' });
      pastEnd = true;
    }
    for (const d of found) {
      let from = d.start ?? 0;
      if (from > cell.source.length) {
        // A cell that ends mid-expression is a syntax error found in the appended text: report
        // the first one at the cell's end. Any other error there only repeats one of the cell's.
        if (pastEnd || !syntactic.includes(d as ts.DiagnosticWithLocation)) continue;
        pastEnd = true;
        from = cell.source.length;
      }
      if (d.code === ASSIGN_TO_IMPORT && this.isMutableElsewhere(d)) continue;
      const to = Math.min(cell.source.length, from + (d.length ?? 0));
      const { line, column } = lineColumn(cell.source, from);
      out.push({
        from,
        to,
        line,
        column,
        message:
          d.code === ASSIGN_TO_IMPORT
            ? ts
                .flattenDiagnosticMessageText(d.messageText, '\n')
                .replace('because it is an import', 'because another cell declares it const (or imports it)')
            : ts.flattenDiagnosticMessageText(d.messageText, '\n'),
        code: d.code,
        severity:
          d.category === ts.DiagnosticCategory.Error
            ? 'error'
            : d.category === ts.DiagnosticCategory.Warning
              ? 'warning'
              : 'info'
      });
    }
    return out;
  }

  /** Completions at `offset` in a cell, filtered by the word before the cursor. */
  completions(cellId: string, offset: number): CompletionList {
    const cell = this.cell(cellId);
    const at = clamp(offset, cell.source);
    let start = at;
    while (start > 0 && /[\w$]/.test(cell.source[start - 1])) start--;
    const prefix = cell.source.slice(start, at).toLowerCase();
    const found = this.service.getCompletionsAtPosition(cell.file, at, {
      includeCompletionsForModuleExports: false,
      includeCompletionsWithInsertText: true
    });
    const entries = (found?.entries ?? [])
      .filter(e => !e.source && e.name.toLowerCase().startsWith(prefix))
      .sort((a, b) => (a.sortText === b.sortText ? a.name.localeCompare(b.name) : a.sortText < b.sortText ? -1 : 1))
      .slice(0, 500);
    const aliases = entries.some(e => e.kind === ts.ScriptElementKind.alias) ? this.aliasKinds(cell.file) : new Map();
    const items: CompletionItem[] = entries.map(e => ({
      label: e.name,
      kind: e.kind === ts.ScriptElementKind.alias ? (aliases.get(e.name) ?? e.kind) : e.kind,
      insertText: e.insertText
    }));
    return { start, end: at, items };
  }

  /**
   * API names and other cells' names are hidden imports (aliases) in a cell's file: the kind of
   * what each one stands for (function, class…), for the completer's icons.
   */
  private aliasKinds(file: string): Map<string, string> {
    const kinds = new Map<string, string>();
    const program = this.service.getProgram();
    const source = program?.getSourceFile(file);
    if (!program || !source) return kinds;
    const checker = program.getTypeChecker();
    const F = ts.SymbolFlags;
    for (const symbol of checker.getSymbolsInScope(source, F.Alias)) {
      const flags = checker.getAliasedSymbol(symbol).flags;
      const kind =
        flags & F.Class
          ? 'class'
          : flags & F.Function
            ? 'function'
            : flags & F.Enum
              ? 'enum'
              : flags & F.Interface
                ? 'interface'
                : flags & F.TypeAlias
                  ? 'type'
                  : flags & F.Variable
                    ? 'const'
                    : 'alias';
      kinds.set(symbol.name, kind);
    }
    return kinds;
  }

  /** The signature and documentation of one completion entry. */
  completionDetails(cellId: string, offset: number, name: string): InspectionResult | null {
    const cell = this.cell(cellId);
    const details = this.service.getCompletionEntryDetails(
      cell.file,
      clamp(offset, cell.source),
      name,
      {},
      undefined,
      {},
      undefined
    );
    if (!details) return null;
    return inspection(details.kind, details.displayParts, details.documentation, details.tags);
  }

  /** The signature and documentation of the name at `offset` (hover, Shift+Tab, Contextual Help). */
  quickInfo(cellId: string, offset: number): InspectionResult | null {
    const cell = this.cell(cellId);
    let at = clamp(offset, cell.source);
    // With the cursor just after a name (`gather|`), inspect that name.
    if (at > 0 && !/[\w$]/.test(cell.source[at] ?? '') && /[\w$]/.test(cell.source[at - 1])) at--;
    const info = this.service.getQuickInfoAtPosition(cell.file, at);
    if (!info) return null;
    return inspection(info.kind, info.displayParts, info.documentation, info.tags);
  }

  /** The signature of the call whose arguments are being typed at `offset`. */
  signatureHelp(cellId: string, offset: number): SignatureHelpResult | null {
    const cell = this.cell(cellId);
    const help = this.service.getSignatureHelpItems(cell.file, clamp(offset, cell.source), undefined);
    if (!help || help.items.length === 0) return null;
    const item = help.items[help.selectedItemIndex] ?? help.items[0];
    const text = ts.displayPartsToString;
    const parameters = item.parameters.map(p => ({
      label: text(p.displayParts),
      documentation: text(p.documentation)
    }));
    const separator = text(item.separatorDisplayParts);
    return {
      label:
        text(item.prefixDisplayParts) + parameters.map(p => p.label).join(separator) + text(item.suffixDisplayParts),
      parameters,
      activeParameter: Math.min(help.argumentIndex, Math.max(0, parameters.length - 1)),
      documentation: text(item.documentation),
      overloads: help.items.length
    };
  }

  /** The language service (for benchmarks and tests). */
  get languageService(): ts.LanguageService {
    return this.service;
  }

  /** The full text of a cell's file (the cell plus the appended imports), for tests. */
  fileText(cellId: string): string {
    return this.cell(cellId).text;
  }

  /** "Cannot assign to 'x' because it is an import": fine when a cell declares `let x` or `var x`. */
  private isMutableElsewhere(d: ts.Diagnostic): boolean {
    const name = /'([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, '\n'))?.[1];
    return name !== undefined && this.cells.some(c => c.names.mutable.has(name));
  }

  private cell(cellId: string): CellEntry {
    const cell = this.byId.get(cellId);
    if (!cell) throw new Error(`NotebookProgram: no coroutine cell with id '${cellId}'; call setCells first`);
    return cell;
  }

  private byFile(name: string): CellEntry | undefined {
    return name.startsWith(CELL_DIR) ? this.cells.find(c => c.file === name) : undefined;
  }

  private readFile(name: string): string | undefined {
    if (name.startsWith(CELL_DIR)) return this.byFile(name)?.text;
    if (name.startsWith(LIB_DIR)) return this.files.libs[name.slice(LIB_DIR.length)];
    return this.files.api[name];
  }

  private resolve(specifier: string, containing: string): ts.ResolvedModuleFull | undefined {
    if (specifier === 'coroutine-cells') return { resolvedFileName: API_INDEX, extension: ts.Extension.Dts };
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
    if (containing.startsWith(CELL_DIR)) {
      const resolvedFileName = CELL_DIR + specifier.slice(2) + '.ts';
      return this.byFile(resolvedFileName) ? { resolvedFileName, extension: ts.Extension.Ts } : undefined;
    }
    // Between the API's declaration files: './x', '../scheduler' (a folder's index).
    const parts = containing.split('/').slice(0, -1);
    for (const part of specifier.split('/')) {
      if (part === '..') parts.pop();
      else if (part !== '.') parts.push(part);
    }
    const base = parts.join('/');
    for (const candidate of [base + '.d.ts', base + '/index.d.ts']) {
      if (this.files.api[candidate] !== undefined) return { resolvedFileName: candidate, extension: ts.Extension.Dts };
    }
    return undefined;
  }

  /** Rebuilds each cell's file text; every cell's appended imports when names or order changed. */
  private link(namesChanged: boolean): void {
    for (const [index, cell] of this.cells.entries()) {
      if (namesChanged || cell.tail === undefined) cell.tail = this.tail(index);
      const text = cell.source + cell.tail;
      if (text !== cell.text) {
        cell.text = text;
        cell.version++;
      }
    }
  }

  /** The imports and exports appended to cell `index`. */
  private tail(index: number): string {
    const own = this.cells[index].names;
    const ownNames = new Set(own.names);
    const from = new Map<string, number>();
    for (let j = index - 1; j >= 0; j--) {
      for (const name of this.cells[j].names.names) if (!ownNames.has(name) && !from.has(name)) from.set(name, j);
    }
    // Names only later cells declare: just those this cell mentions, so that declaring a name
    // in the cell being typed (usually the last) does not change every earlier cell's imports.
    for (let j = index + 1; j < this.cells.length; j++) {
      for (const name of this.cells[j].names.names) {
        if (!ownNames.has(name) && !from.has(name) && own.mentioned.has(name)) from.set(name, j);
      }
    }
    const byCell = new Map<number, string[]>();
    for (const [name, j] of from) byCell.set(j, [...(byCell.get(j) ?? []), name]);
    const lines = [...byCell].map(
      ([j, names]) => `import { ${names.join(', ')} } from './${this.cells[j].file.slice(CELL_DIR.length, -3)}';`
    );
    const api = this.apiNames.filter(name => !ownNames.has(name) && !from.has(name));
    if (api.length > 0) lines.push(`import { ${api.join(', ')} } from 'coroutine-cells';`);
    const exported = own.names.filter(name => !own.exported.has(name));
    lines.push(`export { ${exported.join(', ')} };`);
    // A newline and a semicolon end an unterminated line comment or statement of the cell; an
    // open block comment or template is closed first, so the imports stay outside it.
    return own.closer + '\n;\n' + lines.join('\n') + '\n';
  }
}

/** The names 'coroutine-cells' exports, read from the surface module's declarations. */
function apiExportNames(api: Readonly<DeclarationFiles>): string[] {
  const path = Object.keys(api).find(p => p.endsWith('cell-api-surface.d.ts'));
  if (!path) throw new Error('NotebookProgram: the API declarations have no cell-api-surface.d.ts');
  const file = ts.createSourceFile(path, api[path], ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) names.push(element.name.text);
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      names.push(statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    }
  }
  return [...new Set(names)];
}

function sameNames(a: CellNames, b: CellNames): boolean {
  if (a.mentioned.size !== b.mentioned.size || [...a.mentioned].some(name => !b.mentioned.has(name))) return false;
  return (
    a.closer === b.closer &&
    a.names.join('\0') === b.names.join('\0') &&
    [...a.exported].join('\0') === [...b.exported].join('\0')
  );
}

function clamp(offset: number, source: string): number {
  if (!Number.isInteger(offset) || offset < 0)
    throw new RangeError(`offset must be a non-negative integer, got ${offset}`);
  return Math.min(offset, source.length);
}

/** 1-based line and column of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function inspection(
  kind: string,
  parts: ts.SymbolDisplayPart[] | undefined,
  documentation: ts.SymbolDisplayPart[] | undefined,
  tags: ts.JSDocTagInfo[] | undefined
): InspectionResult {
  const tagText = (tags ?? []).map(t => `@${t.name}${t.text ? ' ' + ts.displayPartsToString(t.text) : ''}`);
  // An API name is an alias of the hidden import: show the declaration, not the import.
  const signature = ts
    .displayPartsToString(parts)
    .replace(/^\(alias\) /, '')
    .replace(/\nimport [\w$]+$/, '');
  return {
    kind,
    signature,
    documentation: [ts.displayPartsToString(documentation), ...tagText].filter(Boolean).join('\n\n')
  };
}
