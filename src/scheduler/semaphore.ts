import { coroutineFrom, type Coroutine } from './coroutine';
import { CancelledError, ValueError } from './errors';
import { holdBody } from './lock';
import { LabelledPrimitive, removeItem } from './primitive-label';
import { checkInteger } from './validate';
import { getRunningLoop } from './loop-state';
import type { Future } from './future';
import type { Held } from './held';

/**
 * `Semaphore` — `asyncio.Semaphore`: at most `value` tasks at a time;
 * `await using _ = await sem.hold()` is `async with sem:`. As in CPython 3.11.7, release() hands
 * the slot to the first waiter, decrementing the value on its behalf (FIFO admission). Under 3.13
 * a waiter that leaves the queue wakes as many others as the value allows.
 */
export class Semaphore extends LabelledPrimitive {
  private readonly waiters: Future<boolean>[] = [];
  /** @internal */ protected value: number;

  /** @internal the class's name for labels and messages (survives minification). */
  static kindName = 'Semaphore';

  constructor(value = 1) {
    const kind = (new.target as typeof Semaphore).kindName;
    super(kind, 'semaphore');
    checkInteger(`${kind}()`, 'value', value, 0);
    this.value = value;
  }

  /** True when acquire() would have to wait. */
  locked(): boolean {
    return this.value === 0 || this.waiters.some(w => !w.cancelled());
  }

  /** Takes a slot, waiting in FIFO order; resolves to true. */
  acquire(): Coroutine<true> {
    return coroutineFrom(`${(this.constructor as typeof Semaphore).kindName}.acquire`, this.acquireBody());
  }

  /** The `async with sem:` form: `await using _ = await sem.hold()`. */
  hold(): Coroutine<Held> {
    return coroutineFrom(`${(this.constructor as typeof Semaphore).kindName}.hold`, holdBody(this));
  }

  /** Gives a slot back and wakes the next waiter. */
  release(): void {
    this.value++;
    this.wakeUpNext();
  }

  private *acquireBody(): Generator<unknown, true, unknown> {
    if (!this.locked()) {
      this.value--;
      return true;
    }
    const fut = this.newWaiter<boolean>();
    this.waiters.push(fut);
    const loop = getRunningLoop();
    if (loop !== null && loop.pythonMinor >= 13) return yield* this.waitForSlot313(fut);
    try {
      try {
        yield fut;
      } finally {
        removeItem(this.waiters, fut);
      }
    } catch (error) {
      if (error instanceof CancelledError && !fut.cancelled()) {
        // We were handed a slot but got cancelled before using it: pass it on.
        this.value++;
        this.wakeUpNext();
      }
      throw error;
    }
    if (this.value > 0) this.wakeUpNext();
    return true;
  }

  /** 3.13: however the wait ends, wake as many waiters as the value allows (3.11/3.12: one). */
  private *waitForSlot313(fut: Future<boolean>): Generator<unknown, true, unknown> {
    try {
      try {
        yield fut;
      } finally {
        removeItem(this.waiters, fut);
      }
    } catch (error) {
      // Handed a slot but cancelled before using it: give the slot back.
      if (error instanceof CancelledError && fut.done() && !fut.cancelled()) this.value++;
      throw error;
    } finally {
      // Waiters that arrived while the value was positive had to queue behind us (FIFO).
      while (this.value > 0 && this.wakeUpNext());
    }
    return true;
  }

  private wakeUpNext(): boolean {
    for (const fut of this.waiters) {
      if (!fut.done()) {
        this.value--;
        fut.setResult(true);
        return true;
      }
    }
    return false;
  }

  /** CPython-like repr. */
  toString(): string {
    return `<${(this.constructor as typeof Semaphore).kindName} [${this.locked() ? 'locked' : `unlocked, value:${this.value}`}]>`;
  }
}

/** asyncio.BoundedSemaphore: releasing above the initial value raises ValueError. */
export class BoundedSemaphore extends Semaphore {
  static override kindName = 'BoundedSemaphore';
  private readonly boundValue: number;
  constructor(value = 1) {
    super(value);
    this.boundValue = value;
  }

  /** Gives a slot back; ValueError when released more than acquired. */
  override release(): void {
    if (this.value >= this.boundValue) throw new ValueError('BoundedSemaphore released too many times');
    super.release();
  }
}
