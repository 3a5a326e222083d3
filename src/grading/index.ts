/**
 * Grading: assertions about a finished cell run, for exercises and nbgrader test cells. Pure (no
 * runtime import): the runtime hands in the record of the previous cell and a way to print.
 */
import { AssertionError, RunExpectations, type PassReport } from './expectations';
import type { RunRecord } from './run-record';

export { AssertionError, RunExpectations, TaskExpectations, seconds } from './expectations';
export type { PassReport } from './expectations';
export { makeRunRecord } from './run-record';
export type { RunRecord } from './run-record';
export { readRunFacts } from './task-facts';
export type { RunFacts, TaskFacts, PrintFact, CancelRequest } from './task-facts';

/** The names a cell gets for grading, in the order the docs list them. */
export const GRADING_API_NAMES = [
  'lastRun',
  'expectRun',
  'expectTask',
  'expectOverlap',
  'expectSequential',
  'expectRunTime',
  'expectPrinted',
  'expectSuccess',
  'expectFailure',
  'AssertionError'
] as const;

/**
 * The grading globals of a session: each `expect...` checks the run of the cell that ran before
 * the current one (`previous()`), and reports each passed check through `pass`.
 */
export function createGradingApi(previous: () => RunRecord | null, pass: PassReport): Map<string, unknown> {
  const expectRun = (record: RunRecord | null = previous()): RunExpectations => {
    if (record === null) {
      throw new AssertionError('no cell has run before this one: run the exercise cell first, then this check.');
    }
    return new RunExpectations(record, pass);
  };
  const api = new Map<string, unknown>([
    ['lastRun', () => previous()],
    ['expectRun', expectRun],
    ['expectTask', (name: string) => expectRun().task(name)],
    ['expectOverlap', (...names: string[]) => expectRun().overlap(...names)],
    ['expectSequential', (first: string, second: string) => expectRun().sequential(first, second)],
    ['expectRunTime', (t: number, hint?: string) => expectRun().runTime(t, hint)],
    ['expectPrinted', (lines: string[]) => expectRun().printed(lines)],
    ['expectSuccess', () => expectRun().succeeded()],
    ['expectFailure', (text: string) => expectRun().failedWith(text)],
    ['AssertionError', AssertionError]
  ]);
  return api;
}
