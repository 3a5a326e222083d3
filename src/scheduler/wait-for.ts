import { coroutineFrom, isCoroutine, type Coroutine } from './coroutine';
import { CancelledError, TimeoutError } from './errors';
import { formatValue } from './format-value';
import { Future } from './future';
import { requireRunningLoop } from './loop-state';
import { ensureFuture } from './task-api';
import { Timeout } from './timeouts';
import { AENTER, AEXIT } from './disposal';
import { cancelBecause, type CancelCause } from './cancel-cause';

function releaseWaiter(waiter: Future<unknown>): void {
  if (!waiter.done()) waiter.setResult(undefined);
}

/** asyncio's _cancel_and_wait: cancel `fut` and wait until it is really done. */
function* cancelAndWait(fut: Future<unknown>, cause?: CancelCause): Generator<unknown, void, unknown> {
  const waiter = new Future<unknown>(`cancelling ${fut.label}`, fut.waitKind);
  const cb = (): void => releaseWaiter(waiter);
  fut.addDoneCallback(cb);
  try {
    if (cause === undefined) fut.cancel();
    else cancelBecause(fut.getLoop(), fut, cause);
    yield waiter;
  } finally {
    fut.removeDoneCallback(cb);
  }
}

function* waitForBody<T>(aw: unknown, timeout: number | null): Generator<unknown, T, unknown> {
  const loop = requireRunningLoop('waitFor()');
  if (loop.pythonMinor >= 12 && !(timeout !== null && timeout <= 0)) return yield* waitForWithTimeout<T>(aw, timeout);
  if (timeout === null) return (yield aw) as T;
  if (timeout <= 0) {
    const fut = ensureFuture<T>('waitFor()', 'aw', aw);
    if (fut.done()) return fut.result();
    yield* cancelAndWait(fut as Future<unknown>, { kind: 'wait-for', label: `waitFor(${timeout})` });
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
    yield* cancelAndWait(fut as Future<unknown>, { kind: 'wait-for', label: `waitFor(${timeout})` });
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
 * 3.12+ (tasks.py wait_for): `async with timeout(t): return await aw` — a coroutine runs inline in
 * the caller's task (no inner task), and the deadline cancels the caller, as timeout() does.
 */
function* waitForWithTimeout<T>(aw: unknown, timeout: number | null): Generator<unknown, T, unknown> {
  const loop = requireRunningLoop('waitFor()');
  const block = new Timeout(timeout === null ? null : loop.time() + timeout);
  block.cause = { kind: 'wait-for', label: `waitFor(${timeout})` };
  block[AENTER]();
  let result: T;
  try {
    result = (yield aw) as T;
  } catch (error) {
    block[AEXIT](error, true);
    throw error;
  }
  block[AEXIT](undefined, false);
  return result;
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
