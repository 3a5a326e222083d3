/**
 * The await graph (asyncio 3.14's capture_call_graph / print_call_graph, in camelCase): for a
 * task or future, its call stack (the coroutines it is suspended in, innermost first, with the
 * cell lines the runtime reports) and, recursively, who awaits it: tasks waiting on it, a gather
 * holding it, the task whose TaskGroup owns it. Built on demand from the live tasks; nothing is
 * recorded while the loop runs.
 */
import { emitOutput } from './output';
import { Future } from './future';
import { GatheringFuture } from './gather';
import { getRunningLoop } from './loop-state';
import { Task } from './task';
import { checkOptions } from './validate';
import { formatValue } from './format-value';
import { codeLocator, locateStack, type CodeLocation } from './code-locator';
import type { EventLoop } from './event-loop';
import type { TaskGroup } from './task-group';
import { waitingFuture } from './task-sleep';

/** The innermost cell line a suspended task waits at (its first coroutine that is cell code). */
export function locateTask(task: Task<unknown>): CodeLocation | null {
  return locateStack(task._stack()[0] ?? null);
}

/** One coroutine of a call stack. */
export interface CallGraphFrame {
  name: string;
  location: string | null;
  code: string | null;
}

/** asyncio.FutureCallGraph: a future, its call stack, and what awaits it. */
export interface FutureCallGraph {
  future: Future<unknown>;
  callStack: CallGraphFrame[];
  awaitedBy: FutureCallGraph[];
  /** True when this future was already on the path above: the graph has a cycle here. */
  cycle?: boolean;
}

/** Options of captureCallGraph / printCallGraph. */
export interface CallGraphOptions {
  /** At most this many frames per call stack (default: all). */
  limit?: number;
}

/** The frames of a task, innermost first. */
function framesOf(task: Task<unknown>, loop: EventLoop, limit: number): CallGraphFrame[] {
  const frames: CallGraphFrame[] = [];
  const stack = task._stack();
  for (let i = 0; i < stack.length && frames.length < limit; i++) {
    const coro = stack[i];
    const locator = codeLocator;
    const where =
      i === 0 && loop.currentTask === task ? (locator?.running() ?? null) : (locator?.suspended(coro) ?? null);
    frames.push({ name: coro.name, location: where?.location ?? null, code: where?.code ?? null });
  }
  return frames;
}

/** awaited → its awaiters, from the live tasks' waiters, the gathers they wait on, and open TaskGroups. */
export function awaitersIndex(loop: EventLoop): Map<Future<unknown>, Future<unknown>[]> {
  const index = new Map<Future<unknown>, Future<unknown>[]>();
  const add = (awaited: Future<unknown>, awaiter: Future<unknown>): void => {
    let list = index.get(awaited);
    if (list === undefined) index.set(awaited, (list = []));
    if (!list.includes(awaiter)) list.push(awaiter);
  };
  const gathers = new Set<GatheringFuture>();
  const addGather = (gather: GatheringFuture): void => {
    if (gathers.has(gather)) return;
    gathers.add(gather);
    for (const child of gather.children) {
      if (child.done()) continue;
      add(child, gather as unknown as Future<unknown>);
      if (child instanceof GatheringFuture) addGather(child);
    }
  };
  for (const task of loop.liveTasks) {
    const waiter = waitingFuture(task);
    if (waiter === null || waiter.waitKind === 'taskgroup') continue;
    add(waiter, task);
    if (waiter instanceof GatheringFuture) addGather(waiter);
  }
  for (const group of loop.openTaskGroups) {
    const { parent, children } = (group as TaskGroup)._graph();
    if (parent !== null) for (const child of children) add(child, parent);
  }
  return index;
}

function build(
  future: Future<unknown>,
  index: Map<Future<unknown>, Future<unknown>[]>,
  loop: EventLoop,
  limit: number,
  path: Set<Future<unknown>>
): FutureCallGraph {
  const node: FutureCallGraph = {
    future,
    callStack: future instanceof Task ? framesOf(future, loop, limit) : [],
    awaitedBy: []
  };
  if (path.has(future)) {
    node.cycle = true;
    return node;
  }
  path.add(future);
  for (const awaiter of index.get(future) ?? []) node.awaitedBy.push(build(awaiter, index, loop, limit, path));
  path.delete(future);
  return node;
}

function checkLimit(caller: string, options: unknown): number {
  const opts = checkOptions(caller, options);
  const limit = opts.limit;
  if (limit === undefined) return Infinity;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
    throw new TypeError(`${caller}: limit must be an integer >= 0, got ${formatValue(limit)}`);
  }
  return limit;
}

/**
 * asyncio.capture_call_graph: the await graph of `future` (default: the current task), or null
 * when there is no current task.
 */
export function captureCallGraph(future?: Future<unknown> | null, options?: CallGraphOptions): FutureCallGraph | null {
  return capture('captureCallGraph()', future, options);
}

function capture(caller: string, future: unknown, options: unknown): FutureCallGraph | null {
  const limit = checkLimit(caller, options);
  if (future !== undefined && future !== null && !(future instanceof Future)) {
    throw new TypeError(`${caller}: future must be a Task or Future, got ${formatValue(future)}`);
  }
  const loop = getRunningLoop();
  if (loop === null) return null;
  const target = (future as Future<unknown> | null | undefined) ?? loop.currentTask;
  if (target === null) return null;
  return build(target, awaitersIndex(loop), loop, limit, new Set());
}

/** The text of a future in the graph: Task(name='worker', id=1) or Future(gather#1). */
export function describeFuture(future: Future<unknown>): string {
  return future instanceof Task ? `Task(name='${future.getName()}', id=${future.id})` : `Future(${future.label})`;
}

function frameText(frame: CallGraphFrame): string {
  const where = frame.location === null ? '' : `${frame.location}, `;
  const code = frame.code === null ? '' : `: ${frame.code}`;
  return `${where}in ${frame.name}()${code}`;
}

/** The graph as text, laid out like asyncio's format_call_graph. */
export function renderCallGraph(graph: FutureCallGraph): string {
  const lines: string[] = [];
  const level = (node: FutureCallGraph, depth: number): void => {
    const pad = '    '.repeat(depth);
    lines.push(`${pad}* ${describeFuture(node.future)}${node.cycle ? '  (cycle: awaited above)' : ''}`);
    if (node.cycle) return;
    if (node.callStack.length > 0) {
      lines.push(`${pad}  + Call stack:`);
      for (const frame of node.callStack) lines.push(`${pad}  |   ${frameText(frame)}`);
    }
    if (node.awaitedBy.length > 0) {
      lines.push(`${pad}  + Awaited by:`);
      for (const awaiter of node.awaitedBy) level(awaiter, depth + 1);
    }
  };
  level(graph, 0);
  return lines.join('\n');
}

/** asyncio.format_call_graph: the await graph of `future` (default: the current task) as text. */
export function formatCallGraph(future?: Future<unknown> | null, options?: CallGraphOptions): string {
  const graph = capture('formatCallGraph()', future, options);
  return graph === null ? '' : renderCallGraph(graph);
}

/** asyncio.print_call_graph: prints the await graph of `future` (default: the current task). */
export function printCallGraph(future?: Future<unknown> | null, options?: CallGraphOptions): void {
  const graph = capture('printCallGraph()', future, options);
  const text = graph === null ? '' : renderCallGraph(graph);
  if (text === '') throw new TypeError('printCallGraph(): no task is running and no future was given');
  emitOutput('stdout', text + '\n');
}
