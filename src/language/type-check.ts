/**
 * Type-checks coroutine cells in Node with the editor's language service (one NotebookProgram),
 * for `coroutine-cells run --types` and `check --types`: each problem with its cell, line and
 * column, in the form `FILE: cell 3, line 2, column 7: error TS2322: message`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nodeLanguageFiles } from './node-files';
import { NotebookProgram, type LanguageFiles } from './notebook-program';
import type { CellDiagnostic } from './protocol';

/** A cell to check: its label in reports (e.g. "cell 3") and its text. */
export interface CheckedCell {
  label: string;
  source: string;
}

/** One problem of one cell. */
export interface TypeProblem extends CellDiagnostic {
  cell: string;
}

/** The checkout's src/ folder, found upwards from `start` (this module's folder by default). */
export function findSrcRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'src', 'language', 'cell-api-surface.ts'))) return join(dir, 'src');
    if (dirname(dir) === dir) throw new Error(`type check: no checkout with src/language/ above ${start}`);
  }
}

/** The type errors of `cells`, checked as one notebook in order. */
export function checkCellTypes(
  cells: readonly CheckedCell[],
  files: LanguageFiles = nodeLanguageFiles(findSrcRoot())
): TypeProblem[] {
  const program = new NotebookProgram(files);
  program.setCells(cells.map((cell, index) => ({ id: String(index), source: cell.source })));
  return cells.flatMap((cell, index) => program.diagnostics(String(index)).map(d => ({ ...d, cell: cell.label })));
}

/** One line per problem: `FILE: cell 3, line 2, column 7: error TS2322: message`. */
export function formatTypeProblems(file: string, problems: readonly TypeProblem[]): string {
  return problems
    .map(
      p =>
        `${file}: ${p.cell}, line ${p.line}, column ${p.column}: ${p.severity} TS${p.code}: ${p.message.replace(/\n/g, '\n    ')}\n`
    )
    .join('');
}
