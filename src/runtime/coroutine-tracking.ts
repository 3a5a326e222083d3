/**
 * A real-time limit for awaits of outside Promises on the virtual clock.
 *
 * On the virtual clock a Promise that never settles (`await new Promise(() => {})`) would leave
 * the cell waiting forever: the loop cannot jump to it, and it is not a deadlock (the loop cannot
 * know the Promise will never settle). The runtime therefore wraps the coroutine helper: when a
 * cell coroutine awaits a native Promise or thenable, the wait races a real-time limit
 * (OUTSIDE_WAIT_LIMIT_MS by default); past it the await throws an OutsideWaitError at the
 * cell's own `await` line, which the cell may catch. Real-clock cells have no such limit (use
 * Interrupt).
 *
 * The same wrapper tells await-marks which coroutine is stepping, so an exception thrown into a
 * coroutine at an await records that await for the traceback.
 */
import type { CoroutineBody } from '../scheduler/coroutine';
import { recordPassage, setStepping, type SuspensionRecord } from './await-marks';

/** Real milliseconds an await of an outside Promise may take on the virtual clock. */
export const OUTSIDE_WAIT_LIMIT_MS = 10_000;

/** Thrown at an await of an outside Promise that did not settle within the limit. */
export class OutsideWaitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutsideWaitError';
  }
}

type GeneratorFunction = (...args: unknown[]) => CoroutineBody;
type Awaiter = (thisArg: unknown, args: unknown, name: unknown, generator: GeneratorFunction) => unknown;

/**
 * Wraps `__awaiter` so outside awaits of the coroutines it creates race `limitMs`; `onRaise`
 * sees every exception a cell coroutine raises (for tracebacks of unretrieved task errors).
 */
export function guardOutsideWaits(awaiter: Awaiter, limitMs: number, onRaise: (error: unknown) => void = () => {}): Awaiter {
  if (!(limitMs > 0)) throw new TypeError(`guardOutsideWaits(): limitMs must be > 0, got ${limitMs}`);
  return function __awaiter(thisArg, args, name, generator) {
    const label = typeof name === 'string' && name ? name : generator.name || 'coroutine';
    const guarded = function (this: unknown, ...a: unknown[]): CoroutineBody {
      return guardBody(generator.apply(this, a), limitMs, onRaise, label);
    };
    Object.defineProperty(guarded, 'name', { value: generator.name });
    return awaiter(thisArg, args, name, guarded);
  };
}

function guardBody(body: CoroutineBody, limitMs: number, onRaise: (error: unknown) => void, label: string): CoroutineBody {
  const record: SuspensionRecord = { cell: null, index: -1 };
  const guard = (step: () => IteratorResult<unknown, unknown>, thrown?: { error: unknown }): IteratorResult<unknown, unknown> => {
    // Where the coroutine was suspended; the step marks its next await afresh.
    const suspendedAt = { cell: record.cell, index: record.index };
    record.index = -1;
    const previous = setStepping(record);
    let result: IteratorResult<unknown, unknown>;
    // The exception arrives at the await the coroutine is suspended at: that is a frame of its
    // traceback, whether the coroutine lets it through or a `using` block holds it for a moment.
    if (thrown) recordPassage(thrown.error, suspendedAt);
    try {
      result = step();
    } catch (error) {
      onRaise(error);
      throw error;
    } finally {
      setStepping(previous);
    }
    return result.done || !isNativeThenable(result.value) ? result : { done: false, value: withLimit(result.value, limitMs, label) };
  };
  return {
    next: value => guard(() => body.next(value)),
    throw: error => guard(() => body.throw(error), { error }),
    return: value => guard(() => (body.return ? body.return(value) : { done: true, value }))
  };
}

/** Promises and thenables that are not the scheduler's own objects. */
function isNativeThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function withLimit(thenable: PromiseLike<unknown>, limitMs: number, label: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new OutsideWaitError(
          `an await in '${label}' of a Promise outside the scheduler did not settle within ${limitMs / 1000} s of real time. ` +
            'On the virtual clock such a wait cannot be skipped: a Promise that never settles would hang the ' +
            'cell. To wait for other tasks use the scheduler (Future, Event, Queue); for slow outside work ' +
            'use the real clock (// @coroutine-cells clock=real).'
        )
      );
    }, limitMs);
    Promise.resolve(thenable).then(
      value => {
        clearTimeout(timer);
        resolve(value);
      },
      error => {
        clearTimeout(timer);
        reject(error);
      }
    );
  });
}
