import { coroutineFrom, isCoroutine, type Coroutine } from './coroutine';
import { CancelledError, TimeoutError } from './errors';
import { formatValue } from './format-value';
import { Future } from './future';
import { requireRunningLoop } from './loop-state';
import { ensureFuture } from './task-api';

function releaseWaiter(waiter: Future<unknown>): void {
  if (!waiter.done()) waiter.setResult(undefined);
}

/** asyncio's _cancel_and_wait: cancel `fut` and wait until it is really done. */
function* cancelAndWait(fut: Future<unknown>): Generator<unknown, void, unknown> {
  const waiter = new Future<unknown>(`cancelling ${fut.label}`, fut.waitKind);
  const cb = (): void => releaseWaiter(waiter);
  fut.addDoneCallback(cb);
  try {
    fut.cancel();
    yield waiter;
  } finally {
    fut.removeDoneCallback(cb);
  }
}

function* waitForBody<T>(aw: unknown, timeout: number | null): Generator<unknown, T, unknown> {
  if (timeout === null) return (yield aw) as T;
  const loop = requireRunningLoop('waitFor()');
  if (timeout <= 0) {
    const fut = ensureFuture<T>('waitFor()', 'aw', aw);
    if (fut.done()) return fut.result();
    yield* cancelAndWait(fut as Future<unknown>);
    try {
      return fut.result();
    } catch (exc) {
      if (exc instanceof CancelledError) throw new TimeoutError('', { cause: exc });
      throw exc;
    }
  }
  // The timer is pushed before the inner task is created (rule 7: ties go to the timer).
  const waiter = new Future<unknown>(`waitFor(${timeout})`, 'timeout');
  const timeoutHandle = loop.callLater(timeout, releaseWaiter, waiter);
  const cb = (): void => releaseWaiter(waiter);
  const fut = ensureFuture<T>('waitFor()', 'aw', aw);
  fut.addDoneCallback(cb);
  try {
    try {
      yield waiter;
    } catch (exc) {
      if (!(exc instanceof CancelledError)) throw exc;
      if (fut.done()) return fut.result();
      fut.removeDoneCallback(cb);
      yield* cancelAndWait(fut as Future<unknown>);
      throw exc;
    }
    if (fut.done()) return fut.result();
    fut.removeDoneCallback(cb);
    yield* cancelAndWait(fut as Future<unknown>);
    try {
      return fut.result();
    } catch (exc) {
      if (exc instanceof CancelledError) throw new TimeoutError('', { cause: exc });
      throw exc;
    }
  } finally {
    timeoutHandle.cancel();
  }
}

/**
 * `waitFor` — `asyncio.wait_for`: awaits `aw` (a coroutine, task or future) and gives its result;
 * after `timeout` seconds it cancels it and raises TimeoutError. `null`: no limit.
 * @example const page = await waitFor(fetchPage('a'), 2);
 */
export function waitFor<T>(aw: Coroutine<T> | Future<T>, timeout: number | null): Coroutine<T> {
  if (!(aw instanceof Future) && !isCoroutine(aw)) {
    throw new TypeError(`waitFor(): aw must be a coroutine, Task or Future, got ${formatValue(aw)}`);
  }
  if (timeout !== null && timeout !== undefined && (typeof timeout !== 'number' || Number.isNaN(timeout))) {
    throw new TypeError(`waitFor(): timeout must be a number or null, got ${formatValue(timeout)}`);
  }
  return coroutineFrom<T>('waitFor', waitForBody<T>(aw, timeout ?? null));
}
