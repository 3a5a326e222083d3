import { describe, expect, it } from 'vitest';
import { LiveTasks, type LiveNode } from '../../src/scheduler/live-tasks';

type Node = LiveNode & { id: number; finished: boolean };

function nodes(n: number): Node[] {
  return Array.from({ length: n }, (_, id) => ({
    id,
    finished: false,
    done() {
      return this.finished;
    }
  }));
}

/** Marks a node done, then counts it out, as a finishing task does. */
function finish(list: LiveTasks<Node>, node: Node): void {
  node.finished = true;
  list.delete(node);
}

describe('LiveTasks', () => {
  it('lists the unfinished tasks in creation order, whether finished at the head, middle or tail', () => {
    const list = new LiveTasks<Node>();
    const all = nodes(6);
    all.forEach(n => list.add(n));
    [0, 3, 5].forEach(i => finish(list, all[i]));
    expect([...list].map(n => n.id)).toEqual([1, 2, 4]);
    expect(list.size).toBe(3);
  });

  it('keeps order and size through batched compaction of many finished tasks', () => {
    const list = new LiveTasks<Node>();
    const all = nodes(10_000);
    all.forEach(n => list.add(n));
    // Finish all but every seventh, in an order that is not the creation order.
    const order = all.filter(n => n.id % 7 !== 0).sort((a, b) => (a.id % 13) - (b.id % 13) || b.id - a.id);
    order.forEach(n => finish(list, n));
    const expected = all.filter(n => n.id % 7 === 0).map(n => n.id);
    expect(list.size).toBe(expected.length);
    expect([...list].map(n => n.id)).toEqual(expected);
    // New tasks come after the survivors.
    const more = nodes(3).map(n => ({ ...n, id: 10_000 + n.id }));
    more.forEach(n => list.add(n));
    expect([...list].map(n => n.id)).toEqual([...expected, 10_000, 10_001, 10_002]);
  });

  it('an iteration started before a compaction still sees each live task once', () => {
    const list = new LiveTasks<Node>();
    const all = nodes(5000);
    all.forEach(n => list.add(n));
    const seen: number[] = [];
    for (const node of list) {
      seen.push(node.id);
      // Finishing tasks while iterating (what a callback might do) compacts the list midway.
      if (node.id === 10) for (let i = 11; i < 4000; i++) finish(list, all[i]);
    }
    expect(seen).toEqual([...Array.from({ length: 11 }, (_, i) => i), ...Array.from({ length: 1000 }, (_, i) => 4000 + i)]);
  });
});
