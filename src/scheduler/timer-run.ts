import type { TimerEntry } from './timer-heap';

const INITIAL_CAPACITY = 64;

/**
 * Timers in non-decreasing (deadline, scheduling order), appended at the back and taken from the
 * front: O(1) both ways. The timer queue puts a timer here when it is not earlier than the last
 * one (see TimerQueue). Keys live in Float64Arrays, as in the heap.
 */
export class TimerRun {
  private whens = new Float64Array(INITIAL_CAPACITY);
  private seqs = new Float64Array(INITIAL_CAPACITY);
  private items: (TimerEntry | undefined)[] = [];
  private head = 0;
  private tail = 0;

  /** Number of timers in the run. */
  get size(): number {
    return this.tail - this.head;
  }

  /** True when (when, seq) may be appended: the run is empty or its last timer is not later. */
  accepts(when: number, seq: number): boolean {
    const last = this.tail - 1;
    if (last < this.head) return true;
    const lw = this.whens[last];
    return when > lw || (when === lw && seq > this.seqs[last]);
  }

  /** Appends a timer (the caller checked `accepts`). */
  push(timer: TimerEntry, when: number, seq: number): void {
    if (this.tail === this.whens.length) this.makeRoom();
    const i = this.tail++;
    this.whens[i] = when;
    this.seqs[i] = seq;
    this.items[i] = timer;
  }

  /** The first timer (caller checks `size` first). */
  peek(): TimerEntry {
    return this.items[this.head] as TimerEntry;
  }

  /** The first deadline (caller checks `size` first). */
  peekWhen(): number {
    return this.whens[this.head];
  }

  /** The first timer's scheduling order (caller checks `size` first). */
  peekSeq(): number {
    return this.seqs[this.head];
  }

  /** Removes and returns the first timer (caller checks `size` first). */
  shift(): TimerEntry {
    const i = this.head;
    const timer = this.items[i] as TimerEntry;
    this.items[i] = undefined;
    // Empty again: start over at the front, so the arrays need no room-making.
    if (++this.head === this.tail) this.head = this.tail = 0;
    return timer;
  }

  /** Drops every cancelled timer (marking it unscheduled), keeping the order. */
  removeDead(): void {
    const W = this.whens;
    const S = this.seqs;
    const O = this.items;
    let keep = 0;
    for (let i = this.head; i < this.tail; i++) {
      const t = O[i] as TimerEntry;
      O[i] = undefined;
      if (t.dead) t.scheduled = false;
      else {
        W[keep] = W[i];
        S[keep] = S[i];
        O[keep++] = t;
      }
    }
    this.head = 0;
    this.tail = keep;
  }

  /** Moves the timers to the front when the front half is free, else doubles the capacity. */
  private makeRoom(): void {
    const n = this.tail - this.head;
    if (this.head * 2 >= this.whens.length) {
      this.whens.copyWithin(0, this.head, this.tail);
      this.seqs.copyWithin(0, this.head, this.tail);
      this.items.copyWithin(0, this.head, this.tail);
      this.items.fill(undefined, n, this.tail);
      this.head = 0;
      this.tail = n;
      return;
    }
    // The keys keep their places (the items array grows by itself as timers are written).
    const whens = new Float64Array(this.whens.length * 2);
    whens.set(this.whens);
    this.whens = whens;
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.seqs = seqs;
  }
}
