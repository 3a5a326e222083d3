import { Coroutine } from './coroutine';
import { RuntimeError } from './errors';
import { formatValue } from './format-value';
import { Future } from './future';
import { getRunningLoop, requireRunningLoop } from './loop-state';
import { Task, type TaskInit } from './task';
import { checkOptions } from './validate';
import { requirePython } from './require-python';

/** Options of createTask. */
export interface CreateTaskOptions {
  /** The task's name (default: the coroutine function's name, numbered when repeated). */
  name?: string;
  /** Not supported: asyncio added `eager_start` in 3.14 (use setTaskFactory(eagerTaskFactory)). */
  eagerStart?: never;
}

/** Throws a clear TypeError unless `coro` is a fresh coroutine object. */
export function checkCoroutine(caller: string, argument: string, coro: unknown): Coroutine<unknown> {
  if (!(coro instanceof Coroutine)) {
    const hint = typeof coro === 'function' ? ' (call the async function: pass f(), not f)' : '';
    throw new TypeError(`${caller}: ${argument} must be a coroutine${hint}, got ${formatValue(coro)}`);
  }
  if (coro.started) throw new RuntimeError(`${caller}: cannot reuse already awaited coroutine ${coro}`);
  return coro;
}

/** @internal creates a task on the running loop after checking the arguments. */
export function spawnTask<T>(caller: string, coro: Coroutine<T>, options: unknown, groupInit?: TaskInit): Task<T> {
  const opts = checkOptions(caller, options);
  const name = opts.name;
  if (name !== undefined && typeof name !== 'string') {
    throw new TypeError(`${caller}: name must be a string, got ${formatValue(name)}`);
  }
  checkCoroutine(caller, 'coro', coro);
  if (opts.eagerStart !== undefined) {
    throw new TypeError(
      `${caller}: eagerStart is new in Python 3.14, which this project does not reproduce; ` +
        'with python=3.12 or 3.13 use setTaskFactory(eagerTaskFactory) to start every new task eagerly'
    );
  }
  const loop = requireRunningLoop(caller);
  let init = groupInit ?? NO_INIT;
  if (name !== undefined) init = { ...init, name };
  if (loop.eagerTasks) init = { ...init, eager: true };
  return new Task<T>(loop, coro, init);
}

const NO_INIT: TaskInit = Object.freeze({});

/**
 * asyncio.eager_task_factory (3.12+): pass it to setTaskFactory so every task made afterwards
 * (createTask, gather, TaskGroup, waitFor...) runs its first step at once, inside the creator.
 */
export const eagerTaskFactory: unique symbol = Symbol('eagerTaskFactory');

/**
 * loop.set_task_factory: `setTaskFactory(eagerTaskFactory)` (3.12+) starts new tasks eagerly
 * for the rest of the run; `setTaskFactory(null)` goes back to the default (tasks start on the
 * next iteration). Other factories are not supported.
 */
export function setTaskFactory(factory: typeof eagerTaskFactory | null): void {
  if (factory !== null && factory !== eagerTaskFactory) {
    throw new TypeError(`setTaskFactory(): factory must be eagerTaskFactory or null, got ${formatValue(factory)}`);
  }
  const loop = requireRunningLoop('setTaskFactory()');
  if (factory !== null) requirePython('eagerTaskFactory', 12);
  loop.eagerTasks = factory !== null;
}

/** loop.get_task_factory: eagerTaskFactory when set, else null. */
export function getTaskFactory(): typeof eagerTaskFactory | null {
  return requireRunningLoop('getTaskFactory()').eagerTasks ? eagerTaskFactory : null;
}

/**
 * `createTask` — `asyncio.create_task`: wraps the coroutine in a Task and schedules it; it starts
 * running on the loop's next iteration (creating it runs nothing yet). Keep the task and `await`
 * it for its result. `options`: `{ name?: string }`, the task's name (default: the coroutine's).
 * @example const t = createTask(fetchPage('a'), { name: 'page-a' }); const page = await t;
 */
export function createTask<T>(coro: Coroutine<T>, options?: CreateTaskOptions): Task<T> {
  return spawnTask('createTask()', coro, options);
}

/** @internal asyncio's ensure_future: coroutines become tasks, futures pass through. */
export function ensureFuture<T>(caller: string, argument: string, value: unknown, init: TaskInit = {}): Future<T> {
  if (value instanceof Future) return value as Future<T>;
  if (value instanceof Coroutine) {
    checkCoroutine(caller, argument, value);
    const loop = requireRunningLoop(caller);
    return new Task<T>(loop, value as Coroutine<T>, loop.eagerTasks ? { ...init, eager: true } : init);
  }
  throw new TypeError(`${caller}: ${argument} must be a coroutine, Task or Future, got ${formatValue(value)}`);
}

/** `currentTask` — `asyncio.current_task`: the task running now, or null outside a task. */
export function currentTask(): Task<unknown> | null {
  const loop = getRunningLoop();
  return loop === null ? null : loop.currentTask;
}

/** `allTasks` — `asyncio.all_tasks`: the tasks of the running loop not done yet, in creation order. */
export function allTasks(): Set<Task<unknown>> {
  return new Set(requireRunningLoop('allTasks()').liveTasks);
}

/** `now` — `loop.time()`: the running loop's clock in seconds (virtual time on the virtual clock). */
export function now(): number {
  return requireRunningLoop('now()').time();
}
