/**
 * A real-time limit for awaits of outside Promises, passed to the scheduler as its
 * `outsideWaitLimit` option (the one mechanism: src/scheduler/outside-wait.ts applies it).
 *
 * On the virtual clock a Promise that never settles (`await new Promise(() => {})`) would leave
 * the cell waiting forever: the loop cannot jump to it, and it is not a deadlock (the loop cannot
 * know the Promise will never settle). So when a cell coroutine awaits a native Promise or
 * thenable, the wait races a real-time limit (OUTSIDE_WAIT_LIMIT_MS by default); past it the
 * await throws an OutsideWaitError at the cell's own `await` line, which the cell may catch.
 * Real-clock cells have no such limit (use Interrupt): there a slow outside wait is just time
 * passing. A limit timer is cleared when its wait settles or is cancelled (every wait of a run
 * is, by the end of the run), so none keeps a process alive.
 */
import type { OutsideWaitLimit } from '../scheduler';

/** Real milliseconds an await of an outside Promise may take. */
export const OUTSIDE_WAIT_LIMIT_MS = 10_000;

/** Thrown at an await of an outside Promise that did not settle within the limit. */
export class OutsideWaitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutsideWaitError';
  }
}

/** The scheduler option that throws an OutsideWaitError after `limitMs` real milliseconds. */
export function outsideWaitLimit(limitMs: number): OutsideWaitLimit {
  if (!(limitMs > 0)) throw new TypeError(`CellSession: outsideWaitLimitMs must be > 0, got ${limitMs}`);
  return {
    ms: limitMs,
    error: label =>
      new OutsideWaitError(
        `an await in '${label}' of a Promise outside the scheduler did not settle within ${limitMs / 1000} s of real time. ` +
          'On the virtual clock such a wait cannot be skipped: a Promise that never settles would hang the ' +
          'cell. To wait for other tasks use the scheduler (Future, Event, Queue); for slow outside work ' +
          'use the real clock (// @coroutine-cells clock=real).'
      )
  };
}
