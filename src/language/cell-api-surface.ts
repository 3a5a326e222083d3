/**
 * Everything a coroutine cell sees, as types: the names of `import { … } from 'coroutine-cells'`
 * and the cell's globals. The editor's type checker reads the declarations tsc emits for this
 * module (scripts/build-language-types.mjs); the runtime builds the same names as values in
 * src/runtime/cell-api.ts (a unit test checks that the two lists agree). Nothing imports this
 * module's JavaScript: `export declare` below only describes what the runtime provides.
 */
export {
  run,
  sleep,
  createTask,
  gather,
  TaskGroup,
  timeout,
  timeoutAt,
  waitFor,
  shield,
  wait,
  asCompleted,
  Event,
  Lock,
  Semaphore,
  BoundedSemaphore,
  Condition,
  Barrier,
  Queue,
  PriorityQueue,
  LifoQueue,
  QueueEmpty,
  QueueFull,
  Future,
  Task,
  currentTask,
  allTasks,
  now,
  blockingSleep,
  CancelledError,
  TimeoutError,
  InvalidStateError,
  ValueError,
  ExceptionGroup,
  BrokenBarrierError,
  RuntimeError,
  DeadlockError,
  BudgetExceededError,
  KeyboardInterrupt,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  ALL_COMPLETED
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

// Grading (src/grading/index.ts: createGradingApi): checks about the run of the cell before.
export { AssertionError } from '../grading';
export type { RunExpectations, RunRecord, TaskExpectations } from '../grading';

/** The record of the cell that ran before this one (null if none): its tasks, prints and result. */
export declare function lastRun(): import('../grading').RunRecord | null;
/**
 * Expectations about the run of the cell before this one (or of `record`), for exercises and
 * nbgrader test cells: `expectRun().task('main').returned()`. Throws AssertionError if none ran.
 */
export declare function expectRun(record?: import('../grading').RunRecord | null): import('../grading').RunExpectations;
/** Expectations about the task named `name` in the previous cell's run: `expectTask('main').finishedAt(3)`. */
export declare function expectTask(name: string): import('../grading').TaskExpectations;
/** Every task named in `names` ran at the same time as every other one in the previous cell's run. */
export declare function expectOverlap(...names: string[]): void;
/** Task `first` finished before task `second` started, in the previous cell's run. */
export declare function expectSequential(first: string, second: string): void;
/** The previous cell's run took `t` seconds of virtual time; `hint` is added to the failure message. */
export declare function expectRunTime(t: number, hint?: string): void;
/** The previous cell printed these lines in this order (each entry is part of one printed line). */
export declare function expectPrinted(lines: readonly string[]): void;
/** The previous cell's run ended without an error. */
export declare function expectSuccess(): void;
/** The previous cell's run ended with an error whose text contains `text` (e.g. "DeadlockError"). */
export declare function expectFailure(text: string): void;
