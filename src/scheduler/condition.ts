import { coroutineFrom, type Coroutine } from './coroutine';
import { CancelledError, RuntimeError } from './errors';
import { Lock, holdBody } from './lock';
import { LabelledPrimitive, removeItem } from './primitive-label';
import { checkInteger } from './validate';
import { getRunningLoop } from './loop-state';
import { formatValue } from './format-value';
import type { Future } from './future';
import type { Held } from './held';
import type { WaitKind } from './trace-events';

/** asyncio.Condition: wait() releases the lock, waits for notify(), then re-acquires it. */
export class Condition extends LabelledPrimitive {
  private readonly lock: Lock;
  private readonly waiters: Future<boolean>[] = [];

  constructor(lock?: Lock, kindName = 'Condition', kind: WaitKind = 'condition') {
    super(kindName, kind);
    if (lock !== undefined && !(lock instanceof Lock)) {
      throw new TypeError(`Condition(): lock must be a Lock, got ${formatValue(lock)}`);
    }
    this.lock = lock ?? new Lock();
  }

  /** True while the underlying lock is held. */
  locked(): boolean {
    return this.lock.locked();
  }

  /** Acquires the underlying lock. */
  acquire(): Coroutine<true> {
    return this.lock.acquire();
  }

  /** Releases the underlying lock. */
  release(): void {
    this.lock.release();
  }

  /** The `async with cond:` form: `await using _ = await cond.hold()`. */
  hold(): Coroutine<Held> {
    return coroutineFrom('Condition.hold', holdBody(this));
  }

  /**
   * Waits until notified (the lock must be held); re-acquires the lock even when cancelled.
   * Under 3.13 a failing wait notifies another waiter, so a waiter may wake without a notify.
   */
  wait(): Coroutine<true> {
    return coroutineFrom('Condition.wait', this.waitBody());
  }

  /** Waits until `predicate()` is truthy, re-checking after each notify. */
  waitFor<T>(predicate: () => T): Coroutine<T> {
    if (typeof predicate !== 'function') {
      throw new TypeError(`Condition.waitFor(): predicate must be a function, got ${formatValue(predicate)}`);
    }
    return coroutineFrom('Condition.waitFor', this.waitForBody(predicate));
  }

  /** Wakes up to `n` waiters (the lock must be held). */
  notify(n = 1): void {
    checkInteger('Condition.notify()', 'n', n, 0);
    if (!this.locked()) throw new RuntimeError('cannot notify on un-acquired lock');
    this.wakeWaiters(n);
  }

  /** Wakes every waiter (the lock must be held). */
  notifyAll(): void {
    this.notify(this.waiters.length);
  }

  /** notify() without the lock check (asyncio 3.13's `_notify`, also used by a failing wait). */
  private wakeWaiters(n: number): void {
    let idx = 0;
    for (const fut of this.waiters) {
      if (idx >= n) break;
      if (!fut.done()) {
        idx++;
        fut.setResult(false);
      }
    }
  }

  private *waitBody(): Generator<unknown, true, unknown> {
    if (!this.locked()) throw new RuntimeError('cannot wait on un-acquired lock');
    const loop = getRunningLoop();
    const py13 = loop !== null && loop.pythonMinor >= 13;
    const fut = this.newWaiter<boolean>();
    this.release();
    let returned = false;
    try {
      yield* this.waitThenReacquire(fut, py13);
      returned = true;
      return true;
    } finally {
      // 3.13: a wait that fails may have been notified already; pass the notification on to
      // another waiter so it is not lost (a "spurious wakeup" when it was not notified).
      if (!returned && py13) this.wakeWaiters(1);
    }
  }

  /** Waits for `fut` (notify), then re-acquires the lock even when cancelled. */
  private *waitThenReacquire(fut: Future<boolean>, py13: boolean): Generator<unknown, void, unknown> {
    try {
      this.waiters.push(fut);
      try {
        yield fut;
      } finally {
        removeItem(this.waiters, fut);
      }
    } finally {
      // Must re-acquire the lock even if the wait is cancelled.
      let cancellation: CancelledError | null = null;
      for (;;) {
        try {
          yield this.acquire();
          break;
        } catch (error) {
          // eslint-disable-next-line no-unsafe-finally -- as asyncio: other errors propagate at once
          if (!(error instanceof CancelledError)) throw error;
          cancellation = error;
        }
      }
      // A cancellation while re-acquiring is raised after it: 3.11/3.12 raise a new, message-less
      // CancelledError; 3.13 re-raises the latest one caught (with its message).
      // eslint-disable-next-line no-unsafe-finally
      if (cancellation !== null) throw py13 ? cancellation : new CancelledError();
    }
  }

  private *waitForBody<T>(predicate: () => T): Generator<unknown, T, unknown> {
    let result = predicate();
    while (!result) {
      yield this.wait();
      result = predicate();
    }
    return result;
  }
}
