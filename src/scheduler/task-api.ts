import { Coroutine } from './coroutine';
import { RuntimeError } from './errors';
import { formatValue } from './format-value';
import { Future } from './future';
import { getRunningLoop, requireRunningLoop } from './loop-state';
import { Task, type TaskInit } from './task';
import { checkOptions } from './validate';

/** Options of createTask. */
export interface CreateTaskOptions {
  /** The task's name (default: the coroutine function's name, numbered when repeated). */
  name?: string;
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
  const loop = requireRunningLoop(caller);
  let init = groupInit ?? NO_INIT;
  if (name !== undefined) init = { ...init, name };
  return new Task<T>(loop, coro, init);
}

const NO_INIT: TaskInit = Object.freeze({});

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
    return new Task<T>(requireRunningLoop(caller), value as Coroutine<T>, init);
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
