/** What the timer queue holds: a TimerHandle, or an object that is its own timer (sleep's future). */
export interface TimerEntry {
  /** The deadline, if the entry keeps it (the heap keeps its own copy; sleep's future does not). */
  readonly when?: number;
  /** Scheduling order, for FIFO ties, if the entry keeps it (the heap keeps its own copy). */
  seq?: number;
  /** True while queued. */
  scheduled: boolean;
  /** True once cancelled (lazy deletion). */
  dead: boolean;
  runFromLoop(): void;
}

const INITIAL_CAPACITY = 64;

/**
 * An array-based 4-ary min-heap of timers, the timer queue's place for a timer that arrives out
 * of deadline order (see TimerQueue): ordered by deadline, then by scheduling order, so equal
 * deadlines are FIFO. Because (when, seq) is a total order, the pop order does not depend on the
 * heap's shape.
 *
 * The keys live in two Float64Arrays beside the array of timers, so a sift compares numbers in
 * contiguous memory instead of loading `when` from timer objects scattered over the heap (one
 * cache miss per comparison with a million timers: 3-4x slower); four children per node halve
 * the depth.
 */
export class TimerHeap {
  private whens = new Float64Array(INITIAL_CAPACITY);
  private seqs = new Float64Array(INITIAL_CAPACITY);
  private items: (TimerEntry | undefined)[] = [];
  private n = 0;

  /** Number of timers in the heap, cancelled ones included. */
  get size(): number {
    return this.n;
  }

  /** The earliest timer, or undefined. */
  peek(): TimerEntry | undefined {
    return this.n > 0 ? this.items[0] : undefined;
  }

  /** The earliest deadline (caller checks `size` first). */
  peekWhen(): number {
    return this.whens[0];
  }

  /** The scheduling order of the earliest timer (caller checks `size` first). */
  peekSeq(): number {
    return this.seqs[0];
  }

  /** Adds a timer due at `when`, `seq` being its scheduling order (default: the entry's own). */
  push(timer: TimerEntry, when = timer.when as number, seq = timer.seq as number): void {
    if (this.n === this.whens.length) this.grow();
    const W = this.whens;
    const S = this.seqs;
    const O = this.items;
    let pos = this.n++;
    while (pos > 0) {
      const parent = (pos - 1) >> 2;
      const pw = W[parent];
      if (!(when < pw || (when === pw && seq < S[parent]))) break;
      W[pos] = pw;
      S[pos] = S[parent];
      O[pos] = O[parent];
      pos = parent;
    }
    W[pos] = when;
    S[pos] = seq;
    O[pos] = timer;
  }

  /** Removes and returns the earliest timer (caller checks `size` first). */
  pop(): TimerEntry {
    const O = this.items;
    const top = O[0] as TimerEntry;
    const n = --this.n;
    if (n > 0) this.siftDown(0, this.whens[n], this.seqs[n], O[n] as TimerEntry);
    O[n] = undefined;
    return top;
  }

  /** Drops every cancelled timer (marking it unscheduled) and rebuilds the heap. */
  removeDead(): void {
    const n = this.n;
    const W = this.whens;
    const S = this.seqs;
    const O = this.items;
    let keep = 0;
    for (let i = 0; i < n; i++) {
      const t = O[i] as TimerEntry;
      if (t.dead) t.scheduled = false;
      else {
        W[keep] = W[i];
        S[keep] = S[i];
        O[keep++] = t;
      }
    }
    for (let i = keep; i < n; i++) O[i] = undefined;
    this.n = keep;
    for (let i = (keep - 2) >> 2; i >= 0; i--) this.siftDown(i, W[i], S[i], O[i] as TimerEntry);
  }

  /** Places (when, seq, item) at `pos` or below it, moving smaller children up. */
  private siftDown(pos: number, when: number, seq: number, item: TimerEntry): void {
    const W = this.whens;
    const S = this.seqs;
    const O = this.items;
    const n = this.n;
    for (;;) {
      const first = 4 * pos + 1;
      if (first >= n) break;
      let best = first;
      let bw = W[first];
      let bs = S[first];
      const end = first + 4 < n ? first + 4 : n;
      for (let c = first + 1; c < end; c++) {
        const cw = W[c];
        if (cw < bw || (cw === bw && S[c] < bs)) {
          best = c;
          bw = cw;
          bs = S[c];
        }
      }
      if (!(bw < when || (bw === when && bs < seq))) break;
      W[pos] = bw;
      S[pos] = bs;
      O[pos] = O[best];
      pos = best;
    }
    W[pos] = when;
    S[pos] = seq;
    O[pos] = item;
  }

  private grow(): void {
    const capacity = this.whens.length * 2;
    const whens = new Float64Array(capacity);
    whens.set(this.whens);
    this.whens = whens;
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    this.seqs = seqs;
  }
}
