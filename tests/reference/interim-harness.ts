/**
 * Interim: runs a TypeScript scenario directly on the scheduler until the runtime's `runSource`
 * exists. Transpiles like the compiler does (ES2016, noEmitHelpers) and evaluates the JS with the
 * scheduler's coroutine helpers and public API as parameters of `new Function`.
 */
import ts from 'typescript';
import * as scheduler from '../../src/scheduler/index';

const notGlobals = new Set(['coroutineHelpers', 'startRun', 'emitOutput', 'default']);

/** Runs `source` (which calls `run(main())`) and returns its printed text. */
export async function runInInterimHarness(source: string): Promise<{ stdout: string; error: unknown }> {
  const js = ts.transpileModule(source, {
    compilerOptions: {
      target: ts.ScriptTarget.ES2016,
      module: ts.ModuleKind.ESNext,
      noEmitHelpers: true,
      importHelpers: false
    }
  }).outputText;
  const lines: string[] = [];
  const runs: Promise<unknown>[] = [];
  const api = scheduler as unknown as Record<string, unknown>;
  const globals: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(api)) {
    if (!notGlobals.has(key)) globals[key] = value;
  }
  Object.assign(globals, api.coroutineHelpers as object);
  globals.print = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  const run = api.run as (c: unknown) => Promise<unknown>;
  globals.run = (c: unknown) => {
    const p = run(c);
    runs.push(p);
    return p;
  };
  const names = Object.keys(globals);
  new Function(...names, js)(...names.map((n) => globals[n]));
  let error: unknown = null;
  for (const p of runs) {
    try {
      await p;
    } catch (e) {
      error = e;
    }
  }
  return { stdout: lines.map((l) => l + '\n').join(''), error };
}
