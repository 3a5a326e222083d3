import { CancelledError } from './errors';
import { Future } from './future';
import { isCoroutine, type Coroutine } from './coroutine';
import { requireRunningLoop } from './loop-state';
import { Task, type TaskInit } from './task';
import { formatValue } from './format-value';

/** At most this many task ids in a trace event's `targets` (the chart shows a few anyway). */
export const MAX_TRACE_TARGETS = 100;

/** Options of gather. */
export interface GatherOptions {
  /** Put exceptions in the result list instead of raising the first one. */
  returnExceptions?: boolean;
}

/**
 * asyncio's _GatheringFuture: cancelling it cancels every child (docs/scheduler-semantics.md §4.6); once it is done,
 * cancel() returns false and touches nothing.
 */
export class GatheringFuture<T extends unknown[] = unknown[]> extends Future<T> {
  /** @internal */ _cancelRequested = false;
  constructor(
    readonly children: Future<unknown>[],
    label: string
  ) {
    super(label, 'gather');
  }

  /** @internal the unfinished children that are tasks, for the trace (at most MAX_TRACE_TARGETS). */
  override _waitTargets(): number[] {
    const ids: number[] = [];
    let max = -1;
    for (const child of this.children) {
      if (ids.length >= MAX_TRACE_TARGETS) break;
      // Skip repeated arguments: an id above every id so far is new; others need a look.
      if (child instanceof Task && !child.done() && (child.id > max || !ids.includes(child.id))) {
        ids.push(child.id);
        if (child.id > max) max = child.id;
      }
    }
    return ids;
  }

  /** Cancels every unfinished child; true if any of them accepted. */
  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    let accepted = false;
    for (const child of this.children) if (child.cancel(msg)) accepted = true;
    if (accepted) this._cancelRequested = true;
    return accepted;
  }
}

function isOptionsObject(value: unknown): value is GatherOptions {
  return (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Future) &&
    !isCoroutine(value) &&
    !Array.isArray(value) &&
    'returnExceptions' in value &&
    Object.keys(value).every(k => k === 'returnExceptions')
  );
}

/** The future of each distinct argument among the first `count` (their futures are in `children`). */
function firstOccurrences(items: unknown[], children: Future<unknown>[], count: number): Map<unknown, Future<unknown>> {
  const seen = new Map<unknown, Future<unknown>>();
  for (let j = 0; j < count; j++) if (!seen.has(items[j])) seen.set(items[j], children[j]);
  return seen;
}

/**
 * `gather` — `asyncio.gather`: runs coroutines (each wrapped in a task) and futures concurrently;
 * awaiting it gives their results in argument order. Call as `gather(a, b, c)` or
 * `gather([a, b, c], { returnExceptions })`. The first failure is raised at once and the other
 * children keep running (gather does not cancel them; a TaskGroup does). With
 * `{ returnExceptions: true }` errors are returned in the results instead.
 * (docs/scheduler-semantics.md §4.3–4.4.)
 * @example const [a, b] = await gather(task1(), task2());
 */
export function gather(...args: unknown[]): GatheringFuture<any[]> {
  let items: unknown[] = args;
  let options: GatherOptions = {};
  if (args.length > 0 && Array.isArray(args[0])) {
    if (args.length > 2)
      throw new TypeError(`gather(): with a list, only an options object may follow, got ${args.length} arguments`);
    items = args[0];
    if (args.length === 2) {
      if (!isOptionsObject(args[1]))
        throw new TypeError(`gather(): options must be { returnExceptions?: boolean }, got ${formatValue(args[1])}`);
      options = args[1];
    }
  } else if (args.length > 0 && isOptionsObject(args[args.length - 1])) {
    options = args[args.length - 1] as GatherOptions;
    items = args.slice(0, -1);
  }
  const returnExceptions = options.returnExceptions === true;
  const loop = requireRunningLoop('gather()');
  const label = `gather#${loop.nextSerial('gather')}`;
  if (items.length === 0) {
    const outer = new GatheringFuture<any[]>([], label);
    outer.setResult([]);
    return outer;
  }
  // Check every argument before creating any task, so bad input leaves nothing half-created.
  items.forEach((item, i) => {
    if (!(item instanceof Future) && !isCoroutine(item)) {
      throw new TypeError(`gather(): argument ${i + 1} must be a coroutine, Task or Future, got ${formatValue(item)}`);
    }
    if (isCoroutine(item) && item.started && items.indexOf(item) === i) {
      throw new TypeError(`gather(): argument ${i + 1} is a coroutine that was already awaited: ${item}`);
    }
  });
  const children: Future<unknown>[] = new Array(items.length);
  // A repeated argument shares the first one's future. The map of first occurrences is made only
  // once an argument may repeat (a future, or a coroutine already started by an earlier slot).
  let seen: Map<unknown, Future<unknown>> | null = null;
  // One TaskInit for every child (each child reads it, none keeps it); eager when the loop's
  // task factory is the eager one at the child's creation (3.12+), as ensureFuture does.
  const init: TaskInit = { group: label };
  const eagerInit: TaskInit = { group: label, eager: true };
  let nfuts = 0;
  let nfinished = 0;
  let outer: GatheringFuture<any[]> | null = null;
  const onChildDone = (fut: Future<unknown>): void => {
    nfinished++;
    if (outer === null || outer.done()) {
      if (!fut.cancelled()) fut.exception(); // mark retrieved
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer.setException(fut._makeCancelledError());
        return;
      }
      const exc = fut.exception();
      if (fut._hasException) {
        outer.setException(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results = children.map(child => {
        if (child.cancelled()) return new CancelledError(child._cancelMessage ?? '');
        const exc = child.exception();
        return child._hasException ? exc : child.result();
      });
      if (outer._cancelRequested) outer.setException(fut._makeCancelledError());
      else outer.setResult(results);
    }
  };
  // 3.12+ (tasks.py gather): children already done are handled right after the outer future is
  // made, not by a scheduled callback, so a gather of done futures is done at once.
  const doneFuts: Future<unknown>[] | null = loop.pythonMinor >= 12 ? [] : null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (seen === null && (item instanceof Future || (item as Coroutine<unknown>).started))
      seen = firstOccurrences(items, children, i);
    let fut = seen === null ? undefined : seen.get(item);
    if (fut === undefined) {
      // Every argument was checked above: a future, or a coroutine nobody started.
      const coro = item as Coroutine<unknown>;
      fut = item instanceof Future ? item : new Task(loop, coro, loop.eagerTasks ? eagerInit : init);
      nfuts++;
      if (seen !== null) seen.set(item, fut);
      if (doneFuts !== null && fut.done()) doneFuts.push(fut);
      else fut.addDoneCallback(onChildDone);
    }
    children[i] = fut;
  }
  outer = new GatheringFuture<any[]>(children, label);
  if (doneFuts !== null) for (const fut of doneFuts) onChildDone(fut);
  return outer;
}
