import { coroutineFrom, type Coroutine } from './coroutine';
import { LabelledPrimitive, removeItem } from './primitive-label';
import type { Future } from './future';

/** asyncio.Event: set() wakes every waiter in FIFO order (they resume next iteration). */
export class Event extends LabelledPrimitive {
  private readonly waiters: Future<boolean>[] = [];
  private value = false;

  constructor() {
    super('Event', 'event');
  }

  /** True when set. */
  isSet(): boolean {
    return this.value;
  }

  /** Sets the flag and wakes every waiter. */
  set(): void {
    if (this.value) return;
    this.value = true;
    for (const fut of this.waiters) if (!fut.done()) fut.setResult(true);
  }

  /** Clears the flag (waiters already woken still resume). */
  clear(): void {
    this.value = false;
  }

  /** Waits until set; returns at once (no yield) when already set. */
  wait(): Coroutine<true> {
    return coroutineFrom('Event.wait', this.waitBody());
  }

  private *waitBody(): Generator<unknown, true, unknown> {
    if (this.value) return true;
    const fut = this.newWaiter<boolean>();
    this.waiters.push(fut);
    try {
      yield fut;
      return true;
    } finally {
      removeItem(this.waiters, fut);
    }
  }

  /** CPython-like repr. */
  toString(): string {
    return `<Event [${this.value ? 'set' : `unset, waiters:${this.waiters.length}`}]>`;
  }
}
