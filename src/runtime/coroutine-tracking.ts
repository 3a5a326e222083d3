/**
 * Wraps the coroutine helper (`__awaiter`) of cell code, so that every step of a cell coroutine
 * tells await-marks which coroutine is stepping (an exception thrown into a coroutine at an
 * await records that await for the traceback), and every exception a cell coroutine raises is
 * seen by the session (for tracebacks of unretrieved task errors).
 */
import type { CoroutineBody } from '../scheduler';
import { recordPassage, setStepping, type SuspensionRecord } from './await-marks';

type GeneratorFunction = (...args: unknown[]) => CoroutineBody;
type Awaiter = (thisArg: unknown, args: unknown, name: unknown, generator: GeneratorFunction) => unknown;

/** Wraps `__awaiter`; `onRaise` sees every exception a cell coroutine raises. */
export function trackCoroutines(awaiter: Awaiter, onRaise: (error: unknown) => void = () => {}): Awaiter {
  return function __awaiter(thisArg, args, name, generator) {
    const tracked = function (this: unknown, ...a: unknown[]): CoroutineBody {
      return trackBody(generator.apply(this, a), onRaise);
    };
    Object.defineProperty(tracked, 'name', { value: generator.name });
    return awaiter(thisArg, args, name, tracked);
  };
}

function trackBody(body: CoroutineBody, onRaise: (error: unknown) => void): CoroutineBody {
  const record: SuspensionRecord = { cell: null, index: -1 };
  const track = (step: () => IteratorResult<unknown, unknown>, thrown?: { error: unknown }): IteratorResult<unknown, unknown> => {
    // Where the coroutine was suspended; the step marks its next await afresh.
    const suspendedAt = { cell: record.cell, index: record.index };
    record.index = -1;
    const previous = setStepping(record);
    // The exception arrives at the await the coroutine is suspended at: that is a frame of its
    // traceback, whether the coroutine lets it through or a `using` block holds it for a moment.
    if (thrown) recordPassage(thrown.error, suspendedAt, record);
    try {
      return step();
    } catch (error) {
      onRaise(error);
      throw error;
    } finally {
      setStepping(previous);
    }
  };
  return {
    next: value => track(() => body.next(value)),
    throw: error => track(() => body.throw(error), { error }),
    return: value => track(() => (body.return ? body.return(value) : { done: true, value }))
  };
}
