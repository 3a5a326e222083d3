import { describe, expect, it } from 'vitest';
import { RingQueue } from '../../src/scheduler/ready-queue';
import { LiveTasks, type LiveNode } from '../../src/scheduler/live-tasks';

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

describe('LiveTasks', () => {
  it('keeps creation order through removals at the head, middle and tail', () => {
    type N = LiveNode & { id: number };
    const list = new LiveTasks<N>();
    const nodes: N[] = Array.from({ length: 6 }, (_, id) => ({ id, _prevLive: null, _nextLive: null }));
    nodes.forEach(n => list.add(n));
    list.delete(nodes[0]);
    list.delete(nodes[3]);
    list.delete(nodes[5]);
    expect([...list].map(n => n.id)).toEqual([1, 2, 4]);
    expect(list.size).toBe(3);
    list.add(nodes[0]);
    expect([...list].map(n => n.id)).toEqual([1, 2, 4, 0]);
  });
});
