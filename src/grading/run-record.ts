/**
 * What a grader can know about one finished cell run: its trace (the scheduler's events), its
 * status, the text it printed and its error. The runtime keeps the record of the last cell it ran
 * (`lastRun()` in a cell); the expectations in ./expectations read it.
 */
import type { Trace } from '../scheduler/trace-events';

/** One finished cell run, as the grading functions see it. */
export interface RunRecord {
  /** The cell's label (e.g. "cell[3]"). */
  cell: string;
  /** 'ok', 'error' (compile error, uncaught exception, deadlock, budget) or 'interrupted'. */
  status: 'ok' | 'error' | 'interrupted';
  /** The scheduler's events; empty when the cell did not compile. */
  trace: Trace;
  /** Everything the cell printed on stdout, in order. */
  stdout: string;
  /** "ename: evalue" of the cell's error output, or null. */
  error: string | null;
}

/** An nbformat output, as much of it as a record needs. */
interface OutputLike {
  output_type: string;
  name?: string;
  text?: string | string[];
  ename?: string;
  evalue?: string;
}

/** Builds the record of a run from what the runtime returned for it. */
export function makeRunRecord(
  cell: string,
  status: RunRecord['status'],
  trace: Trace,
  outputs: readonly OutputLike[]
): RunRecord {
  let stdout = '';
  let error: string | null = null;
  for (const output of outputs) {
    if (output.output_type === 'stream' && output.name === 'stdout') {
      stdout += Array.isArray(output.text) ? output.text.join('') : (output.text ?? '');
    } else if (output.output_type === 'error') {
      error = `${output.ename ?? 'Error'}: ${output.evalue ?? ''}`;
    }
  }
  return { cell, status, trace, stdout, error };
}
