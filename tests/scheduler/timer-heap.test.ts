import { describe, expect, it } from 'vitest';
import { TimerHeap, type TimerEntry } from '../../src/scheduler/timer-heap';

function entry(when: number, seq: number): TimerEntry {
  return { when, seq, scheduled: true, dead: false, runFromLoop() {} };
}

describe('TimerHeap', () => {
  it('pops by deadline, equal deadlines in scheduling order, whatever the push order', () => {
    // A deterministic pseudo-random sequence of deadlines with many ties.
    let x = 12345;
    const entries = Array.from({ length: 5000 }, (_, seq) => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return entry(x % 97, seq);
    });
    const heap = new TimerHeap();
    for (const e of entries) heap.push(e);
    const popped: TimerEntry[] = [];
    while (heap.size > 0) popped.push(heap.pop());
    const expected = [...entries].sort((a, b) => a.when - b.when || a.seq - b.seq);
    expect(popped.map(e => e.seq)).toEqual(expected.map(e => e.seq));
  });

  it('removeDead keeps the order and drops only cancelled timers, marking them unscheduled', () => {
    const heap = new TimerHeap();
    const entries = Array.from({ length: 300 }, (_, i) => entry(300 - i, i));
    entries.forEach(e => heap.push(e));
    const dead = entries.filter((_, i) => i % 3 !== 0);
    dead.forEach(e => (e.dead = true));
    heap.removeDead();
    expect(heap.size).toBe(100);
    expect(dead.every(e => !e.scheduled)).toBe(true);
    const whens: number[] = [];
    while (heap.size > 0) whens.push(heap.pop().when);
    expect(whens).toEqual(
      entries
        .filter((_, i) => i % 3 === 0)
        .map(e => e.when)
        .sort((a, b) => a - b)
    );
  });
});
