/**
 * The `typeCheck` rule applied before a coroutine cell runs: `warn` lists the cell's type errors
 * first in its output (cell, line, column, message, as a reader of the exported notebook sees
 * them) and runs it; `error` shows them as the cell's error and does not run it; `off` skips the
 * check. The cell's first-line directive overrides the setting.
 */
import { parseCellDirectives } from '../runtime/cell-directives';
import { DEFAULT_CELL_OPTIONS, type NbOutput, type TypeCheckMode } from '../protocol';
import type { CellDiagnostic } from '../language/protocol';
import type { GateResult } from './type-check-gate';

/** How long a `warn` run waits for the language service (it may still be starting). */
export const WARN_WAIT_MS = 3000;
/** How long an `error` run waits for it. */
export const ERROR_WAIT_MS = 30_000;

/** The mode for a cell: its directive's `typeCheck`, else `setting`. */
export function typeCheckMode(source: string, setting: TypeCheckMode): TypeCheckMode {
  const directive = parseCellDirectives(source, DEFAULT_CELL_OPTIONS);
  return (directive.ok && directive.options.typeCheck) || setting;
}

/**
 * The outputs and the decision for a cell (number `cellNumber` in the notebook) with `problems`;
 * null problems: the language service did not answer in time (`error` says so and does not run the
 * cell; `warn` runs it unlisted).
 */
export function gateFor(
  mode: TypeCheckMode,
  cellNumber: number,
  problems: readonly CellDiagnostic[] | null
): GateResult {
  if (mode === 'off') return { outputs: [], run: true };
  if (problems === null) {
    // warn: the service is still starting (the first run after opening a notebook) or busy. The
    // cell runs at once with nothing added to its outputs: a note there would be saved with the
    // lesson, and the editor underlines the cell's errors as soon as the service is up.
    if (mode === 'warn') return { outputs: [], run: true };
    const why = `the TypeScript language service did not answer within ${ERROR_WAIT_MS / 1000} s`;
    const evalue = `${why}; the cell was not run (typeCheck=error). Run it again, or use typeCheck=warn.`;
    return {
      outputs: [{ output_type: 'error', ename: 'TypeCheckError', evalue, traceback: [`TypeCheckError: ${evalue}`] }],
      run: false
    };
  }
  // Syntax errors (TypeScript's 1xxx codes) are the runtime's to report: its compile step shows
  // them, with the cell's line, before anything runs. Listing them here too would say it twice.
  const typeErrors = problems.filter(p => p.code >= 2000);
  if (typeErrors.length === 0) return { outputs: [], run: true };
  const lines = typeErrors.map(
    p =>
      `cell ${cellNumber}, line ${p.line}, column ${p.column}: ${p.severity} TS${p.code}: ${p.message.replace(/\n/g, ' ')}`
  );
  const count = `${typeErrors.length} type error${typeErrors.length === 1 ? '' : 's'}`;
  if (mode === 'warn') {
    const text = `${count} (typeCheck=warn: the cell runs anyway)\n${lines.map(line => `  ${line}\n`).join('')}`;
    return { outputs: [{ output_type: 'stream', name: 'stderr', text }], run: true };
  }
  const evalue = `${count}; the cell was not run (typeCheck=error)`;
  const output: NbOutput = {
    output_type: 'error',
    ename: 'TypeCheckError',
    evalue,
    traceback: [`TypeCheckError: ${evalue}`, ...lines]
  };
  return { outputs: [output], run: false };
}

/** `promise`, or null after `ms`. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise(resolve => {
    const timer = setTimeout(() => resolve(null), ms);
    void promise.then(
      value => (clearTimeout(timer), resolve(value)),
      () => (clearTimeout(timer), resolve(null))
    );
  });
}
