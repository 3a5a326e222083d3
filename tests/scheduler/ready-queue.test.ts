import { describe, expect, it } from 'vitest';
import { RingQueue } from '../../src/scheduler/ready-queue';

describe('RingQueue', () => {
  it('is FIFO across growth and wrap-around', () => {
    const q = new RingQueue<number>();
    const out: number[] = [];
    let next = 0;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 7; i++) q.push(next++);
      for (let i = 0; i < 5; i++) out.push(q.shift());
    }
    while (q.length > 0) out.push(q.shift());
    expect(out).toEqual(Array.from({ length: 350 }, (_, i) => i));
    q.push(1);
    q.push(2);
    expect(q.toArray()).toEqual([1, 2]);
  });
});
