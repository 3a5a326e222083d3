/**
 * What the runtime needs from a virtual-clock run beyond the scheduler's defaults, at no cost to
 * a step that does not use it:
 * - the real-time limit for awaits of outside Promises. On the virtual clock a Promise that never
 *   settles (`await new Promise(() => {})`) would leave the cell waiting forever: the loop cannot
 *   jump to it, and it is not a deadlock (the loop cannot know the Promise will never settle).
 *   The scheduler races each such await against OUTSIDE_WAIT_LIMIT_MS of real time (its
 *   `outsideWaitLimit` option, the one mechanism for it); past it the await throws an
 *   OutsideWaitError at the cell's own `await` line, which the cell may catch. Real-clock cells
 *   have no such limit (use Interrupt): on the real clock a slow outside wait is just time passing.
 *   The scheduler clears the limit's timer when the wait settles or is cancelled (a run's end
 *   cancels what is left), so no timer keeps a process alive.
 * - the coroutine hooks: an exception thrown into a coroutine at an await records that await for
 *   the traceback (await-marks), and every exception a coroutine raises is remembered (for the
 *   tracebacks of unretrieved task errors).
 */
import type { CoroutineHooks, OutsideWaitLimit } from '../scheduler';
import { recordPassage, type SuspensionRecord } from './await-marks';

/** Real milliseconds an await of an outside Promise may take on the virtual clock. */
export const OUTSIDE_WAIT_LIMIT_MS = 10_000;

/** Thrown at an await of an outside Promise that did not settle within the limit. */
export class OutsideWaitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutsideWaitError';
  }
}

/** The scheduler's outsideWaitLimit option for a limit of `limitMs` real milliseconds. */
export function outsideWaitLimit(limitMs: number): OutsideWaitLimit {
  if (!(limitMs > 0)) throw new TypeError(`outsideWaitLimit(): limitMs must be > 0, got ${limitMs}`);
  return {
    ms: limitMs,
    error: name =>
      new OutsideWaitError(
        `an await in '${name}' of a Promise outside the scheduler did not settle within ${limitMs / 1000} s of real time. ` +
          'On the virtual clock such a wait cannot be skipped: a Promise that never settles would hang the ' +
          'cell. To wait for other tasks use the scheduler (Future, Event, Queue); for slow outside work ' +
          'use the real clock (// @coroutine-cells clock=real).'
      )
  };
}

/** The coroutine hooks of a run: record await passages; `onRaise` sees every raised exception. */
export function cellCoroutineHooks(onRaise: (error: unknown) => void): CoroutineHooks {
  return {
    // The coroutine identifies the frame's owner (another coroutine at the same await is another frame).
    onThrowInto: (error, mark, coroutine) => recordPassage(error, mark as SuspensionRecord, coroutine),
    onRaise
  };
}
