import { describe, expect, it } from 'vitest';
import { TimerQueue } from '../../src/scheduler/timer-queue';
import type { TimerEntry } from '../../src/scheduler/timer-heap';

interface Entry extends TimerEntry {
  when: number;
  seq: number;
}

function entry(when: number, seq: number): Entry {
  return { when, seq, scheduled: true, dead: false, runFromLoop() {} };
}

/** Deterministic pseudo-random numbers in [0, mod). */
function lcg(seed: number): (mod: number) => number {
  let x = seed;
  return mod => (x = (x * 1103515245 + 12345) % 2147483648) % mod;
}

/** The order one sorted list gives: deadline, then scheduling order. */
const sorted = (entries: Entry[]) => [...entries].sort((a, b) => a.when - b.when || a.seq - b.seq).map(e => e.seq);

function drain(queue: TimerQueue): Entry[] {
  const out: Entry[] = [];
  while (queue.size > 0) {
    expect(queue.peek()).toBe(queue.peek());
    const when = queue.peekWhen();
    const e = queue.pop() as Entry;
    expect(e.when).toBe(when);
    out.push(e);
  }
  return out;
}

describe('TimerQueue (sorted run + heap)', () => {
  it('pops in deadline order, ties in scheduling order, for in-order, reversed and mixed pushes', () => {
    const next = lcg(7);
    const shapes: Record<string, (i: number) => number> = {
      'in order': i => i,
      'in order with ties': i => Math.floor(i / 7),
      reversed: i => 10_000 - i,
      random: () => next(97),
      // Runs of increasing deadlines broken by earlier ones: both structures stay in use.
      sawtooth: i => (i % 50) + Math.floor(i / 200)
    };
    for (const [shape, whenOf] of Object.entries(shapes)) {
      const entries = Array.from({ length: 5000 }, (_, seq) => entry(whenOf(seq), seq));
      const queue = new TimerQueue();
      for (const e of entries) queue.push(e, e.when, e.seq);
      expect(queue.size, shape).toBe(5000);
      const popped = drain(queue);
      expect(
        popped.map(e => e.seq),
        shape
      ).toEqual(sorted(entries));
      expect(
        popped.every(e => !e.scheduled),
        shape
      ).toBe(true);
    }
  });

  it('keeps the order when pushes and pops interleave (as a running loop does)', () => {
    const next = lcg(99);
    const queue = new TimerQueue();
    const all: Entry[] = [];
    const popped: Entry[] = [];
    let now = 0;
    for (let seq = 0; seq < 20_000; seq++) {
      // Mostly "now + the same delay", sometimes a shorter one: the run and the heap both grow.
      const e = entry(now + (next(10) === 0 ? next(5) : 5), seq);
      all.push(e);
      queue.push(e, e.when, e.seq);
      if (next(3) !== 0) {
        const p = queue.pop() as Entry;
        expect(p.when).toBeGreaterThanOrEqual(now);
        now = p.when;
        popped.push(p);
      }
    }
    popped.push(...drain(queue));
    const order = popped.map(e => `${e.when}:${e.seq}`);
    const expected = [...popped].sort((a, b) => a.when - b.when || a.seq - b.seq).map(e => `${e.when}:${e.seq}`);
    expect(order).toEqual(expected);
    expect(popped.length).toBe(all.length);
  });

  it('compacts only past CPython’s rule, keeping the live timers in order in both structures', () => {
    const queue = new TimerQueue();
    // 150 in order (the run), then 150 earlier ones (the heap).
    const entries = [
      ...Array.from({ length: 150 }, (_, i) => entry(1000 + i, i)),
      ...Array.from({ length: 150 }, (_, i) => entry(500 - i, 150 + i))
    ];
    entries.forEach(e => queue.push(e, e.when, e.seq));
    const cancel = (e: Entry) => {
      e.dead = true;
      queue.cancelledCount++;
    };
    entries.filter((_, i) => i % 2 === 0).forEach(cancel);
    queue.compactIfWorthIt();
    expect(queue.size).toBe(300); // exactly half cancelled: not more than half, nothing dropped
    cancel(entries[1]);
    queue.compactIfWorthIt();
    expect(queue.size).toBe(149);
    expect(queue.cancelledCount).toBe(0);
    const live = entries.filter(e => !e.dead);
    expect(entries.filter(e => e.dead).every(e => !e.scheduled)).toBe(true);
    expect(drain(queue).map(e => e.seq)).toEqual(sorted(live));
  });

  it('counts a cancelled timer popped without compaction', () => {
    const queue = new TimerQueue();
    const a = entry(1, 0);
    queue.push(a, 1, 0);
    a.dead = true;
    queue.cancelledCount++;
    expect(queue.pop()).toBe(a);
    expect(queue.cancelledCount).toBe(0);
    expect(queue.peek()).toBeUndefined();
  });
});
