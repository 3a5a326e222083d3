import { describe, expect, it } from 'vitest';
import { LiveTasks, type LiveNode } from '../../src/scheduler/live-tasks';

type Node = LiveNode & { id: number };

function nodes(n: number, first = 0): Node[] {
  return Array.from({ length: n }, (_, i) => ({ id: first + i, _prevLive: null, _nextLive: null }));
}

describe('LiveTasks', () => {
  it('keeps creation order through removals at the head, middle and tail', () => {
    const list = new LiveTasks<Node>();
    const all = nodes(6);
    all.forEach(n => list.add(n));
    list.delete(all[0]);
    list.delete(all[3]);
    list.delete(all[5]);
    expect([...list].map(n => n.id)).toEqual([1, 2, 4]);
    expect(list.size).toBe(3);
    list.add(all[0]);
    expect([...list].map(n => n.id)).toEqual([1, 2, 4, 0]);
  });

  it('keeps order and size when many tasks finish out of creation order', () => {
    const list = new LiveTasks<Node>();
    const all = nodes(10_000);
    all.forEach(n => list.add(n));
    const finishing = all.filter(n => n.id % 7 !== 0).sort((a, b) => (a.id % 13) - (b.id % 13) || b.id - a.id);
    finishing.forEach(n => list.delete(n));
    const expected = all.filter(n => n.id % 7 === 0).map(n => n.id);
    expect(list.size).toBe(expected.length);
    expect([...list].map(n => n.id)).toEqual(expected);
    nodes(3, 10_000).forEach(n => list.add(n));
    expect([...list].map(n => n.id)).toEqual([...expected, 10_000, 10_001, 10_002]);
  });
});
