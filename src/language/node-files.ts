/**
 * The language service's files in Node (CLI, tests, benchmarks): ES lib files from the installed
 * typescript package, and the API declarations generated from src/ (cached in
 * node_modules/.cache/coroutine-cells/, keyed by a hash of the sources they come from).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { emitApiDeclarations, type DeclarationFiles } from './api-declarations';
import { libFileClosure } from './lib-files';
import type { LanguageFiles } from './notebook-program';

/** The ES lib files from the typescript package in use. */
export function nodeLibFiles(): Record<string, string> {
  const dir = dirname(ts.sys.getExecutingFilePath());
  return libFileClosure(name => {
    const path = join(dir, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  });
}

/** A hash of the .ts files the declarations come from (src/scheduler, src/grading, src/language). */
function sourcesHash(srcRoot: string): string {
  const hash = createHash('sha256').update(ts.version);
  for (const folder of ['scheduler', 'grading', 'language']) {
    const dir = join(srcRoot, folder);
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** The API declarations of the checkout whose src/ folder is `srcRoot` (generated or cached). */
export function nodeApiDeclarations(srcRoot: string, cacheDir?: string): DeclarationFiles {
  const dir = cacheDir ?? join(srcRoot, '..', 'node_modules', '.cache', 'coroutine-cells');
  const file = join(dir, `api-declarations-${sourcesHash(srcRoot)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DeclarationFiles;
  const files = emitApiDeclarations(ts, srcRoot);
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(files));
    renameSync(temporary, file);
  } catch {
    // A read-only checkout only loses the cache.
  }
  return files;
}

/** Both, for a NotebookProgram in Node. */
export function nodeLanguageFiles(srcRoot: string): LanguageFiles {
  return { libs: nodeLibFiles(), api: nodeApiDeclarations(srcRoot) };
}
