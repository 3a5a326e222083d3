/** The scheduler's public API: asyncio's names in camelCase, plus the runtime entry points. */
export { Coroutine, isCoroutine, type CoroutineBody } from './coroutine';
export { Future, isFuture } from './future';
export { Task } from './task';
export {
  CancelledError,
  TimeoutError,
  InvalidStateError,
  ExceptionGroup,
  RuntimeError,
  ValueError,
  QueueEmpty,
  QueueFull,
  QueueShutDown,
  BrokenBarrierError,
  DeadlockError,
  BudgetExceededError,
  KeyboardInterrupt,
  describeError
} from './errors';
export { sleep } from './sleep';
export {
  createTask,
  currentTask,
  allTasks,
  now,
  setTaskFactory,
  getTaskFactory,
  eagerTaskFactory,
  type CreateTaskOptions
} from './task-api';
export { PYTHON_VERSIONS, DEFAULT_PYTHON_VERSION, isPythonVersion, type PythonVersion } from './python-version';
export { gather, GatheringFuture, type GatherOptions } from './gather';
export { TaskGroup } from './task-group';
export { timeout, timeoutAt, Timeout } from './timeouts';
export { waitFor } from './wait-for';
export { shield } from './shield';
export { wait, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, type WaitOptions } from './wait';
export { asCompleted, type AsCompletedOptions } from './as-completed';
export { Event } from './event';
export { Lock } from './lock';
export { Held } from './held';
export { Semaphore, BoundedSemaphore } from './semaphore';
export { Condition } from './condition';
export { Barrier } from './barrier';
export { Queue, PriorityQueue, LifoQueue } from './queues';
export { blockingSleep } from './blocking-sleep';
export {
  captureCallGraph,
  printCallGraph,
  formatCallGraph,
  type FutureCallGraph,
  type CallGraphFrame,
  type CallGraphOptions
} from './call-graph';
export { setCoroutineLocator, type CodeLocation, type CodePoint, type CoroutineLocator } from './code-locator';
export {
  startRun,
  run,
  type LoopOptions,
  type RunReport,
  type RunHandle,
  type RunSnapshot,
  type OutsideWaitLimit
} from './run';
export type { WarningDetail } from './event-loop';
export { DEFAULT_MAX_STEPS, DEFAULT_MAX_WALL_TIME } from './runner';
export { GeneratorCoroutine, markSuspension, type CoroutineHooks } from './coroutine';
export { emitOutput } from './output';
export { isLoopRunning } from './loop-state';
export { isThenable } from './outside-wait';
export { coroutineHelpers } from './ts-helpers';
export { __awaiter } from './ts-helpers-awaiter';
export { __addDisposableResource, __disposeResources, AENTER, AEXIT, type AsyncContextManager } from './disposal';
export { __asyncGenerator, __asyncValues, __asyncDelegator, __await } from './async-generators';
export { DEFAULT_TRACE_CAP } from './trace-recorder';
export type * from './trace-events';
