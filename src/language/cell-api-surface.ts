/**
 * Everything a coroutine cell sees, as types: the names of `import { … } from 'coroutine-cells'`
 * and the cell's globals. The editor's type checker reads the declarations tsc emits for this
 * module (scripts/build-language-types.mjs); the runtime builds the same names as values in
 * src/runtime/cell-api.ts (a unit test checks that the two lists agree). Nothing imports this
 * module's JavaScript: `export declare` below only describes what the runtime provides.
 */
export {
  run, sleep, createTask, gather, TaskGroup, timeout, timeoutAt, waitFor, shield, wait, asCompleted, Event, Lock,
  Semaphore, BoundedSemaphore, Condition, Barrier, Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull, Future,
  Task, currentTask, allTasks, now, blockingSleep, CancelledError, TimeoutError, InvalidStateError, ValueError,
  ExceptionGroup, BrokenBarrierError, RuntimeError, DeadlockError, BudgetExceededError, KeyboardInterrupt,
  FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED
} from '../scheduler';
export type { Coroutine, CreateTaskOptions, GatherOptions, WaitOptions, AsCompletedOptions } from '../scheduler';

/**
 * Writes its arguments to the cell's output, separated by spaces, then a newline — Python's
 * `print`. Strings are written as they are; other values as Node's `util.inspect` shows them
 * (tasks and coroutines as their Python reprs, e.g. `<Task pending name='main'>`).
 * @example print('Results:', results)
 */
export declare function print(...values: unknown[]): void;

/**
 * Shows each value as a rich output of the cell (IPython's `display`): a MIME bundle such as
 * `{ 'text/html': '<b>hi</b>' }` is shown as that type, any other value as its text.
 * @example display({ 'text/markdown': '**done**' })
 */
export declare function display(...values: unknown[]): void;

/**
 * The console of the cell: `log`, `info` and `debug` write to the cell's stdout, `warn`, `error`
 * and `trace` to its stderr, formatted like Node's `util.format`.
 */
export declare const console: {
  /** Writes to stdout, formatted like util.format (`%s`, `%d`, `%o`…). */
  log(...data: unknown[]): void;
  /** Writes to stdout, like log. */
  info(...data: unknown[]): void;
  /** Writes to stdout, like log. */
  debug(...data: unknown[]): void;
  /** Writes to stderr, formatted like util.format. */
  warn(...data: unknown[]): void;
  /** Writes to stderr, formatted like util.format. */
  error(...data: unknown[]): void;
  /** Writes to stderr, like error. */
  trace(...data: unknown[]): void;
};
