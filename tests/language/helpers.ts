/** Shared by the language tests: the lib files and API declarations, made once per test file. */
import { join } from 'node:path';
import { nodeLanguageFiles } from '../../src/language/node-files';
import { NotebookProgram, type LanguageFiles } from '../../src/language/notebook-program';

let files: LanguageFiles | null = null;

/** The checkout's src/ folder. */
export const SRC = join(__dirname, '..', '..', 'src');

/** The language files of this checkout (generated from src/, cached). */
export function languageFiles(): LanguageFiles {
  files ??= nodeLanguageFiles(SRC);
  return files;
}

/** A program over `sources` (cell ids c0, c1, …). */
export function programOf(...sources: string[]): NotebookProgram {
  const program = new NotebookProgram(languageFiles());
  program.setCells(sources.map((source, index) => ({ id: `c${index}`, source })));
  return program;
}

/** The diagnostics of cell `index` as "line:column TScode message". */
export function problems(program: NotebookProgram, index: number): string[] {
  return program.diagnostics(`c${index}`).map(d => `${d.line}:${d.column} TS${d.code} ${d.message}`);
}
