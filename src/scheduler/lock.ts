import { coroutineFrom, type Coroutine } from './coroutine';
import { CancelledError, RuntimeError } from './errors';
import { Held } from './held';
import { LabelledPrimitive, removeItem } from './primitive-label';
import type { Future } from './future';

/**
 * `Lock` — `asyncio.Lock`: one task at a time; `await using _ = await lock.hold()` is
 * `async with lock:`. Waiters get it in FIFO order: the fast path is taken only when no
 * non-cancelled waiter exists, so a newcomer cannot barge past a woken waiter.
 */
export class Lock extends LabelledPrimitive {
  private readonly waiters: Future<boolean>[] = [];
  private _locked = false;

  constructor() {
    super('Lock', 'lock');
  }

  /** True while held. */
  locked(): boolean {
    return this._locked;
  }

  /** Acquires the lock (waits in FIFO order); resolves to true. */
  acquire(): Coroutine<true> {
    return coroutineFrom('Lock.acquire', this.acquireBody());
  }

  /** The `async with lock:` form: `await using _ = await lock.hold()`. */
  hold(): Coroutine<Held> {
    return coroutineFrom('Lock.hold', holdBody(this));
  }

  /** Releases the lock and wakes the first waiter; RuntimeError if not held. */
  release(): void {
    if (!this._locked) throw new RuntimeError('Lock is not acquired.');
    this._locked = false;
    this.wakeUpFirst();
  }

  private *acquireBody(): Generator<unknown, true, unknown> {
    if (!this._locked && this.waiters.every(w => w.cancelled())) {
      this._locked = true;
      return true;
    }
    const fut = this.newWaiter<boolean>();
    this.waiters.push(fut);
    try {
      try {
        yield fut;
      } finally {
        removeItem(this.waiters, fut);
      }
    } catch (error) {
      if (error instanceof CancelledError && !this._locked) this.wakeUpFirst();
      throw error;
    }
    this._locked = true;
    return true;
  }

  private wakeUpFirst(): void {
    const fut = this.waiters[0];
    // A done waiter will wake up and take the lock, or pass it on if it was cancelled.
    if (fut !== undefined && !fut.done()) fut.setResult(true);
  }

  /** CPython-like repr. */
  toString(): string {
    return `<Lock [${this._locked ? 'locked' : 'unlocked'}${this.waiters.length ? `, waiters:${this.waiters.length}` : ''}]>`;
  }
}

/** acquire() then hand back a Held that releases (shared by Lock, Semaphore, Condition). */
export function* holdBody(owner: { acquire(): Coroutine<true>; release(): void }): Generator<unknown, Held, unknown> {
  yield owner.acquire();
  return new Held(owner);
}
