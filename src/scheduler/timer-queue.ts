import { TimerHeap, type TimerEntry } from './timer-heap';
import { TimerRun } from './timer-run';

/**
 * The loop's timers (asyncio's `_scheduled`): ordered by deadline, equal deadlines in scheduling
 * order. Two structures share the timers:
 * - a sorted run, for a timer that is not earlier than the run's last one (the usual case: tasks
 *   sleeping the same delay one after another, or longer and longer delays): O(1) to add and to
 *   take, where a heap of a million timers costs about 20 levels of sifting per timer;
 * - a heap for the others.
 * pop() takes the earlier of the two heads. (when, seq) is a total order, so timers come out in
 * exactly the order one heap alone would give.
 */
export class TimerQueue {
  private readonly heap = new TimerHeap();
  private readonly run = new TimerRun();
  /** How many queued timers are cancelled (for CPython's compaction rule). */
  cancelledCount = 0;

  /** Number of timers, cancelled ones included. */
  get size(): number {
    return this.heap.size + this.run.size;
  }

  /** Adds a timer due at `when`; `seq` is its scheduling order. */
  push(timer: TimerEntry, when: number, seq: number): void {
    if (this.run.accepts(when, seq)) this.run.push(timer, when, seq);
    else this.heap.push(timer, when, seq);
  }

  /** True when the earliest timer is the run's (caller checks `size` first). */
  private runFirst(): boolean {
    const run = this.run;
    const heap = this.heap;
    if (heap.size === 0) return true;
    if (run.size === 0) return false;
    const rw = run.peekWhen();
    const hw = heap.peekWhen();
    return rw < hw || (rw === hw && run.peekSeq() < heap.peekSeq());
  }

  /** The earliest timer, or undefined. */
  peek(): TimerEntry | undefined {
    if (this.size === 0) return undefined;
    return this.runFirst() ? this.run.peek() : this.heap.peek();
  }

  /** The earliest deadline (caller checks `size` first). */
  peekWhen(): number {
    return this.runFirst() ? this.run.peekWhen() : this.heap.peekWhen();
  }

  /** Removes and returns the earliest timer (caller checks `size` first). */
  pop(): TimerEntry {
    const timer = this.runFirst() ? this.run.shift() : this.heap.pop();
    timer.scheduled = false;
    if (timer.dead) this.cancelledCount--;
    return timer;
  }

  /** Drops every cancelled timer when more than half of over 100 are (CPython's rule). */
  compactIfWorthIt(): void {
    const n = this.size;
    if (n <= 100 || this.cancelledCount * 2 <= n) return;
    this.run.removeDead();
    this.heap.removeDead();
    this.cancelledCount = 0;
  }
}
