/**
 * Interim: runs a TypeScript scenario directly on the scheduler until the runtime's `runSource`
 * exists. Transpiles like the compiler does (ES2016, noEmitHelpers), wraps the source in an async
 * function that plays the cell body, and evaluates the JS with the scheduler's coroutine helpers
 * and public API as parameters of `new Function`. The body runs as the main task of `startRun`.
 */
import ts from 'typescript';
import * as scheduler from '../../src/scheduler/index';

const notGlobals = new Set(['coroutineHelpers', 'startRun', 'emitOutput', 'default']);

/** Runs `source` (which calls `run(main())`) as a cell; returns its printed text and warnings. */
export async function runInInterimHarness(
  source: string
): Promise<{ stdout: string; stderr: string; warnings: string[]; error: unknown }> {
  const js = ts.transpileModule(`async function __cell() {\n${source}\n}`, {
    compilerOptions: {
      target: ts.ScriptTarget.ES2016,
      module: ts.ModuleKind.ESNext,
      noEmitHelpers: true,
      importHelpers: false
    }
  }).outputText;
  const api = scheduler as unknown as Record<string, unknown>;
  const globals: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(api)) {
    if (!notGlobals.has(key)) globals[key] = value;
  }
  Object.assign(globals, api.coroutineHelpers as object);
  globals.print = (...args: unknown[]) => scheduler.emitOutput('stdout', args.map(String).join(' ') + '\n');
  const names = Object.keys(globals);
  const cell = new Function(...names, `${js}\nreturn __cell();`)(...names.map((n) => globals[n]));
  let stdout = '';
  let stderr = '';
  const report = await scheduler.startRun(cell, {
    clock: 'virtual',
    role: 'cell',
    onOutput: (stream, text) => {
      if (stream === 'stdout') stdout += text;
      else stderr += text;
    }
  }).done;
  return {
    stdout,
    stderr,
    warnings: report.warnings,
    error: report.status === 'ok' ? null : (report.error ?? report.status)
  };
}
