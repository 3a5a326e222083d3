/**
 * Generates the declarations the editor's type checker gives a coroutine cell, from the sources:
 * tsc's declaration emit of src/language/cell-api-surface.ts and every scheduler module it
 * reaches (doc comments included, `@internal` members stripped), then a few editor-only
 * adjustments that make the types match what the runtime does with a cell (see `adjustForCells`).
 * Run at build time for the browser worker and on demand (cached) in Node.
 */
import type * as TS from 'typescript';

/** Where the declarations live in the language service's virtual file system. */
export const API_ROOT = '/coroutine-cells/';
/** The module a cell imports (`import { sleep } from 'coroutine-cells'`). */
export const API_INDEX = API_ROOT + 'index.d.ts';
/** The script with the editor-only globals (host timers, the coroutine view of Promise). */
export const API_GLOBALS = API_ROOT + 'editor-globals.d.ts';
/** The file of the cell API module, relative to src/. */
export const SURFACE_MODULE = 'language/cell-api-surface';

/** File path (under API_ROOT) → declaration text. */
export type DeclarationFiles = Record<string, string>;

/**
 * Emits the declarations of the cell API from `srcRoot` (the checkout's src/ folder, absolute)
 * with the compiler `ts`, read through `ts.sys`.
 */
export function emitApiDeclarations(ts: typeof TS, srcRoot: string): DeclarationFiles {
  const root = srcRoot.replace(/\\/g, '/').replace(/\/$/, '') + '/';
  const options: TS.CompilerOptions = {
    declaration: true,
    emitDeclarationOnly: true,
    stripInternal: true,
    removeComments: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.esnext.disposable.d.ts'],
    types: [],
    strict: true,
    skipLibCheck: true,
    noEmitOnError: false
  };
  const program = ts.createProgram([root + SURFACE_MODULE + '.ts'], options);
  const files: DeclarationFiles = {};
  program.emit(undefined, (fileName, text) => {
    const path = fileName.replace(/\\/g, '/');
    if (path.startsWith(root) && path.endsWith('.d.ts')) files[API_ROOT + path.slice(root.length)] = text;
  });
  if (!files[API_ROOT + SURFACE_MODULE + '.d.ts']) {
    throw new Error(`emitApiDeclarations(): no declarations emitted for ${root}${SURFACE_MODULE}.ts`);
  }
  return adjustForCells(ts, files);
}

/**
 * Editor-only adjustments, made on the emitted text so the API is still written once:
 * - A cell's `async function` returns a scheduler coroutine at run time, but TypeScript types
 *   it as the global `Promise`. In the editor `Coroutine<T>` is therefore `Promise<T>`, and
 *   Promise gets the coroutine's public members (`name`, `close()`).
 * - The scheduler awaits a Future (Task, GatheringFuture…) itself; for the checker, `await task`
 *   must give the task's result, so Future declares a `then` (typing only).
 * - `await using` works with the scheduler's exit protocol (AENTER/AEXIT); for the checker each
 *   class with an AEXIT method also declares `[Symbol.asyncDispose]`.
 */
export function adjustForCells(ts: typeof TS, input: DeclarationFiles): DeclarationFiles {
  const files = { ...input };
  const edit = (path: string, change: (source: TS.SourceFile, text: string) => string): void => {
    const text = files[path];
    if (text === undefined) throw new Error(`adjustForCells(): ${path} was not emitted`);
    files[path] = change(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true), text);
  };
  let promiseMembers = '';
  edit(API_ROOT + 'scheduler/coroutine.d.ts', (source, text) => {
    const cls = findClass(ts, source, 'Coroutine');
    promiseMembers = cls.members
      .filter(m => m.name !== undefined && !m.name.getText(source).startsWith('__') && !ts.isConstructorDeclaration(m))
      .map(
        m =>
          '    ' +
          text
            .slice(m.getFullStart(), m.getEnd())
            .trim()
            .replace(/\babstract\s+/, '')
      )
      .join('\n');
    const start = cls.getStart(source);
    const docs = text.slice(cls.getFullStart(), start);
    return (
      text.slice(0, cls.getFullStart()) +
      docs +
      'export type Coroutine<T = unknown> = Promise<T>;' +
      text.slice(cls.getEnd())
    );
  });
  edit(API_ROOT + 'scheduler/future.d.ts', (source, text) => {
    const cls = findClass(ts, source, 'Future');
    const end = cls.getEnd() - 1;
    const then =
      '    /** Typing only (the scheduler awaits a future itself): `await future` gives its result. */\n' +
      '    then<R1 = T, R2 = never>(onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null, ' +
      'onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null): PromiseLike<R1 | R2>;\n';
    return text.slice(0, end) + then + text.slice(end);
  });
  for (const path of Object.keys(files)) {
    if (!files[path].includes('[AEXIT]')) continue;
    edit(path, (source, text) => {
      const inserts: number[] = [];
      source.forEachChild(function visit(node) {
        if (ts.isClassDeclaration(node) && node.members.some(m => m.name?.getText(source) === '[AEXIT]')) {
          inserts.push(node.getEnd() - 1);
        }
      });
      let out = text;
      for (const at of inserts.reverse()) {
        out =
          out.slice(0, at) +
          "    /** Typing only: `await using` runs the scheduler's exit protocol (asyncio's `__aexit__`). */\n" +
          '    [Symbol.asyncDispose](): PromiseLike<void>;\n' +
          out.slice(at);
      }
      return out;
    });
  }
  files[API_INDEX] = `export * from './${SURFACE_MODULE}';\n`;
  files[API_GLOBALS] = editorGlobals(promiseMembers);
  return files;
}

function findClass(ts: typeof TS, source: TS.SourceFile, name: string): TS.ClassDeclaration {
  const found = source.statements.find(
    (s): s is TS.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name
  );
  if (!found) throw new Error(`adjustForCells(): class ${name} not found in ${source.fileName}`);
  return found;
}

/** The editor-only global script: the coroutine members of Promise and the worker's timers. */
function editorGlobals(promiseMembers: string): string {
  return `/** Editor-only globals of a coroutine cell (generated; see src/language/api-declarations.ts). */
/** In a coroutine cell, an async function's result is a scheduler coroutine (asyncio's coroutine object). */
interface Promise<T> {
${promiseMembers}
}
/** Calls \`handler\` after \`ms\` milliseconds of real time (outside the scheduler's clock). */
declare function setTimeout(handler: (...args: any[]) => void, ms?: number, ...args: any[]): number;
/** Cancels a setTimeout. */
declare function clearTimeout(id: number | undefined): void;
/** Calls \`handler\` every \`ms\` milliseconds of real time. */
declare function setInterval(handler: (...args: any[]) => void, ms?: number, ...args: any[]): number;
/** Cancels a setInterval. */
declare function clearInterval(id: number | undefined): void;
/** Queues a microtask. */
declare function queueMicrotask(callback: () => void): void;
/** A deep copy made with the structured clone algorithm. */
declare function structuredClone<T>(value: T): T;
`;
}
