import { Coroutine } from './coroutine';
import { formatValue } from './format-value';
import { RuntimeError } from './errors';
import { Future } from './future';
import { getRunningLoop } from './loop-state';
import { Runner } from './runner';
import { checkCoroutine } from './task-api';
import { checkPythonVersion } from './python-version';
import { checkDelay, checkInteger, checkOptions } from './validate';
import type { LoopOptions, RunHandle } from './run-options';
import type { TaskRole } from './trace-events';

export type { LoopOptions, RunReport, RunHandle, RunSnapshot, OutsideWaitLimit } from './run-options';

/** Starts a loop whose main task runs `main` (role 'cell' for a cell body). */
export function startRun<T>(
  main: Coroutine<T>,
  options: LoopOptions & { role?: TaskRole; mainName?: string }
): RunHandle<T> {
  checkCoroutine('startRun()', 'main', main);
  const opts = checkOptions('startRun()', options);
  if (opts.clock !== 'virtual' && opts.clock !== 'real') {
    throw new TypeError(`startRun(): clock must be 'virtual' or 'real', got ${formatValue(opts.clock)}`);
  }
  if (opts.maxSteps !== undefined) checkInteger('startRun()', 'maxSteps', opts.maxSteps, 1);
  if (opts.maxVirtualTime !== undefined) checkDelay('startRun()', 'maxVirtualTime', opts.maxVirtualTime);
  if (opts.maxWallTime !== undefined && !(typeof opts.maxWallTime === 'number' && opts.maxWallTime > 0)) {
    throw new TypeError(
      `startRun(): maxWallTime must be a number of seconds > 0 (Infinity for no limit), got ${formatValue(opts.maxWallTime)}`
    );
  }
  if (opts.traceCap !== undefined) checkInteger('startRun()', 'traceCap', opts.traceCap, 1);
  const limit = opts.outsideWaitLimit as { ms?: unknown; error?: unknown } | undefined;
  if (
    limit !== undefined &&
    (limit === null ||
      typeof limit !== 'object' ||
      typeof limit.error !== 'function' ||
      typeof limit.ms !== 'number' ||
      !(limit.ms > 0))
  ) {
    throw new TypeError(
      `startRun(): outsideWaitLimit must be { ms: number > 0, error: (name) => Error }, got ${formatValue(limit)}`
    );
  }
  if (opts.python !== undefined) checkPythonVersion('startRun()', opts.python);
  if (opts.onOutput !== undefined && typeof opts.onOutput !== 'function') {
    throw new TypeError(`startRun(): onOutput must be a function, got ${formatValue(opts.onOutput)}`);
  }
  const role = options.role ?? 'cell';
  if (role !== 'cell' && role !== 'root' && role !== 'task') {
    throw new TypeError(`startRun(): role must be 'cell', 'root' or 'task', got ${formatValue(role)}`);
  }
  const runner = new Runner<T>(options);
  runner.start(main, role, options.mainName);
  const loop = runner.loop;
  return {
    done: runner.done,
    interrupt: reason => runner.interrupt(reason),
    snapshot: () => ({
      clock: options.clock,
      time: loop.time(),
      steps: loop.steps,
      tasksAlive: loop.liveTasks.size,
      events: loop.trace.events,
      truncated: loop.trace.truncated
    })
  };
}

/**
 * asyncio.run. Inside a running loop (a cell): starts `coro` as a root task once the roots
 * started before it have finished, and returns a Future of its result. Outside any loop (plain
 * Node): runs it on a fresh virtual-clock loop and returns a Promise of its result; end-of-run
 * warnings go to stderr.
 */
export function run<T>(coro: Coroutine<T>): Future<T> | Promise<T> {
  checkCoroutine('run()', 'coro', coro);
  const loop = getRunningLoop();
  if (loop !== null && loop.roots !== null) {
    const current = loop.currentTask;
    if (current !== null && current.root !== null) {
      // As asyncio.run inside a running loop: a root would wait for itself to finish first.
      throw new RuntimeError(
        `run() cannot be called from a running event loop (task '${current.getName()}' runs inside ` +
          `run(${current.root.getName()})); use await or createTask()`
      );
    }
    return loop.roots.submitRoot(coro) as Future<T>;
  }
  return startRun(coro, { clock: 'virtual', role: 'root' }).done.then(report => {
    for (const line of report.warnings) console.error(line);
    if (report.status === 'ok') return report.value as T;
    throw report.error;
  });
}
