/** What the heap holds: a TimerEntry, or an object that is its own timer (sleep's future). */
export interface TimerEntry {
  readonly when: number;
  /** Scheduling order, for FIFO ties. */
  seq: number;
  /** True while in the heap. */
  scheduled: boolean;
  /** True once cancelled (lazy deletion). */
  dead: boolean;
  runFromLoop(): void;
}

/** Strictly earlier: by deadline, then by scheduling order so equal deadlines are FIFO. */
function before(a: TimerEntry, b: TimerEntry): boolean {
  return a.when < b.when || (a.when === b.when && a.seq < b.seq);
}

/**
 * An array-based 4-ary min-heap of timers (asyncio's `_scheduled`, with FIFO ties). Because
 * (when, seq) is a total order, the pop order does not depend on the heap's shape; four children
 * per node halve its depth, which matters with a million timers (fewer cache misses per pop).
 */
export class TimerHeap {
  private readonly items: TimerEntry[] = [];
  /** How many timers in the heap are cancelled (for CPython's compaction rule). */
  cancelledCount = 0;

  /** Number of timers in the heap, cancelled ones included. */
  get size(): number {
    return this.items.length;
  }

  /** The earliest timer, or undefined. */
  peek(): TimerEntry | undefined {
    return this.items[0];
  }

  /** Adds a timer. */
  push(timer: TimerEntry): void {
    const a = this.items;
    a.push(timer);
    let pos = a.length - 1;
    while (pos > 0) {
      const parent = (pos - 1) >> 2;
      if (!before(timer, a[parent])) break;
      a[pos] = a[parent];
      pos = parent;
    }
    a[pos] = timer;
  }

  /** Removes and returns the earliest timer (caller checks `size` first). */
  pop(): TimerEntry {
    const a = this.items;
    const top = a[0];
    const last = a.pop() as TimerEntry;
    if (a.length > 0) {
      a[0] = last;
      this.siftDown(0);
    }
    top.scheduled = false;
    if (top.dead) this.cancelledCount--;
    return top;
  }

  /** Drops every cancelled timer and rebuilds the heap (CPython: >100 timers, >50% cancelled). */
  compactIfWorthIt(): void {
    const a = this.items;
    if (a.length <= 100 || this.cancelledCount * 2 <= a.length) return;
    let keep = 0;
    for (let i = 0; i < a.length; i++) {
      const t = a[i];
      if (t.dead) t.scheduled = false;
      else a[keep++] = t;
    }
    a.length = keep;
    this.cancelledCount = 0;
    for (let i = (keep - 2) >> 2; i >= 0; i--) this.siftDown(i);
  }

  private siftDown(pos: number): void {
    const a = this.items;
    const n = a.length;
    const item = a[pos];
    for (;;) {
      const first = 4 * pos + 1;
      if (first >= n) break;
      let best = first;
      const end = first + 4 < n ? first + 4 : n;
      for (let c = first + 1; c < end; c++) if (before(a[c], a[best])) best = c;
      if (!before(a[best], item)) break;
      a[pos] = a[best];
      pos = best;
    }
    a[pos] = item;
  }
}
