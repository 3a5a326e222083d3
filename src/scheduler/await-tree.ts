/**
 * The whole loop's await graph as a tree, like `python -m asyncio pstree` (3.14): each task under
 * the task that waits for it (directly, through a gather, or in its TaskGroup's exit), with the
 * line it is suspended at. Tasks that await each other form a cycle, which is named instead of
 * being drawn forever. Used by the deadlock error.
 */
import { GatheringFuture } from './gather';
import { Task } from './task';
import { describeWaitTarget } from './run-report';
import type { CodeLocation } from './code-locator';
import type { EventLoop } from './event-loop';
import type { Future } from './future';
import type { TaskGroup } from './task-group';
import { waitingFuture } from './task-sleep';

/** The tasks `future` stands for when a task waits on it: itself, a gather's unfinished tasks. */
function tasksBehind(future: Future<unknown>, out: Task<unknown>[], seen: Set<Future<unknown>>): void {
  if (seen.has(future) || future.done()) return;
  seen.add(future);
  if (future instanceof Task) out.push(future);
  else if (future instanceof GatheringFuture) for (const child of future.children) tasksBehind(child, out, seen);
}

/** For each live task: the tasks it waits for. */
export function waitsOn(loop: EventLoop): Map<Task<unknown>, Task<unknown>[]> {
  const edges = new Map<Task<unknown>, Task<unknown>[]>();
  const groupChildren = new Map<Task<unknown>, Task<unknown>[]>();
  for (const group of loop.openTaskGroups) {
    const { parent, children } = (group as TaskGroup)._graph();
    if (parent !== null) groupChildren.set(parent, [...(groupChildren.get(parent) ?? []), ...children]);
  }
  for (const task of loop.liveTasks) {
    const waiter = waitingFuture(task);
    const targets: Task<unknown>[] = [];
    if (waiter !== null) {
      if (waiter.waitKind === 'taskgroup') targets.push(...(groupChildren.get(task) ?? []));
      else tasksBehind(waiter, targets, new Set());
    }
    edges.set(task, targets);
  }
  return edges;
}

/** Every cycle of tasks awaiting each other, each as names "a → b → a" (each cycle once). */
export function findCycles(edges: Map<Task<unknown>, Task<unknown>[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<Task<unknown>, number>(); // 1: on the path, 2: done
  const path: Task<unknown>[] = [];
  const visit = (task: Task<unknown>): void => {
    state.set(task, 1);
    path.push(task);
    for (const next of edges.get(task) ?? []) {
      const s = state.get(next);
      if (s === 1) {
        const loop = path.slice(path.indexOf(next));
        cycles.push([...loop, next].map(t => t.getName()).join(' → '));
      } else if (s === undefined) visit(next);
    }
    path.pop();
    state.set(task, 2);
  };
  for (const task of edges.keys()) if (!state.has(task)) visit(task);
  return cycles;
}

/** The tree text: one line per task, children indented under the task that waits for them. */
export function renderAwaitTree(loop: EventLoop, locate: (task: Task<unknown>) => CodeLocation | null): string {
  const edges = waitsOn(loop);
  const awaited = new Set<Task<unknown>>();
  for (const targets of edges.values()) for (const t of targets) awaited.add(t);
  const roots = [...edges.keys()].filter(t => !awaited.has(t));
  // Tasks only reachable through a cycle have no root: start from the first of them.
  const lines: string[] = [];
  const drawn = new Set<Task<unknown>>();
  const draw = (task: Task<unknown>, prefix: string, last: boolean, top: boolean): void => {
    const where = locate(task);
    const waiter = waitingFuture(task);
    const what = waiter === null ? 'ready' : `waits on ${describeWaitTarget(waiter)}`;
    const at = where === null ? '' : ` at ${where.location}: ${where.code}`;
    const branch = top ? '' : last ? '└── ' : '├── ';
    if (drawn.has(task)) {
      lines.push(`${prefix}${branch}${task.getName()} (drawn above: cycle)`);
      return;
    }
    drawn.add(task);
    lines.push(`${prefix}${branch}${task.getName()} — ${what}${at}`);
    const children = edges.get(task) ?? [];
    const childPrefix = top ? prefix : prefix + (last ? '    ' : '│   ');
    children.forEach((child, i) => draw(child, childPrefix, i === children.length - 1, false));
  };
  for (const root of roots) draw(root, '', true, true);
  for (const task of edges.keys()) if (!drawn.has(task)) draw(task, '', true, true);
  return lines.join('\n');
}
