import { describe, expect, it } from 'vitest';
import { TimerRun } from '../../src/scheduler/timer-run';
import type { TimerEntry } from '../../src/scheduler/timer-heap';

function entry(): TimerEntry {
  return { scheduled: true, dead: false, runFromLoop() {} };
}

describe('TimerRun', () => {
  it('accepts only timers not earlier than its last, ties by scheduling order', () => {
    const run = new TimerRun();
    expect(run.accepts(5, 0)).toBe(true);
    run.push(entry(), 5, 3);
    expect(run.accepts(5, 4)).toBe(true);
    expect(run.accepts(5, 2)).toBe(false);
    expect(run.accepts(4.9, 9)).toBe(false);
    expect(run.accepts(6, 0)).toBe(true);
  });

  it('keeps FIFO order while growing, and reuses its front after shifts', () => {
    const run = new TimerRun();
    const items: TimerEntry[] = [];
    let taken = 0;
    // Push 3, take 2, repeatedly: the front empties while the back fills (room is made by moving).
    for (let i = 0; i < 3000; i++) {
      const e = entry();
      items.push(e);
      run.push(e, i, i);
      if (i % 3 === 2) {
        for (let k = 0; k < 2; k++) {
          expect(run.peekWhen()).toBe(taken);
          expect(run.peekSeq()).toBe(taken);
          expect(run.shift()).toBe(items[taken++]);
        }
      }
    }
    expect(run.size).toBe(3000 - taken);
    while (run.size > 0) expect(run.shift()).toBe(items[taken++]);
    expect(taken).toBe(3000);
  });

  it('removeDead keeps the order and marks dropped timers unscheduled', () => {
    const run = new TimerRun();
    const items = Array.from({ length: 200 }, entry);
    items.forEach((e, i) => run.push(e, i, i));
    for (let i = 0; i < 50; i++) run.shift();
    items.forEach((e, i) => (e.dead = i % 4 === 0));
    run.removeDead();
    const left: TimerEntry[] = [];
    while (run.size > 0) left.push(run.shift());
    expect(left).toEqual(items.slice(50).filter(e => !e.dead));
    expect(
      items
        .slice(50)
        .filter(e => e.dead)
        .every(e => !e.scheduled)
    ).toBe(true);
  });
});
