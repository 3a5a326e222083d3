import { coroutineFrom, type Coroutine } from './coroutine';
import { CancelledError, RuntimeError } from './errors';
import { Lock, holdBody } from './lock';
import { LabelledPrimitive, removeItem } from './primitive-label';
import { checkInteger } from './validate';
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

  /** Waits until notified (the lock must be held); re-acquires the lock even when cancelled. */
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
    let idx = 0;
    for (const fut of this.waiters) {
      if (idx >= n) break;
      if (!fut.done()) {
        idx++;
        fut.setResult(false);
      }
    }
  }

  /** Wakes every waiter (the lock must be held). */
  notifyAll(): void {
    this.notify(this.waiters.length);
  }

  private *waitBody(): Generator<unknown, true, unknown> {
    if (!this.locked()) throw new RuntimeError('cannot wait on un-acquired lock');
    this.release();
    try {
      const fut = this.newWaiter<boolean>();
      this.waiters.push(fut);
      try {
        yield fut;
        return true;
      } finally {
        removeItem(this.waiters, fut);
      }
    } finally {
      // Must re-acquire the lock even if the wait is cancelled.
      let cancelled = false;
      for (;;) {
        try {
          yield this.acquire();
          break;
        } catch (error) {
          // eslint-disable-next-line no-unsafe-finally -- as asyncio: other errors propagate at once
          if (!(error instanceof CancelledError)) throw error;
          cancelled = true;
        }
      }
      // As asyncio's Condition.wait: a cancellation while re-acquiring is raised after it.
      // eslint-disable-next-line no-unsafe-finally
      if (cancelled) throw new CancelledError();
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
