/** The scheduler's public API: asyncio's names in camelCase, plus the runtime entry points. */
export { Coroutine, isCoroutine } from './coroutine';
export { Future, isFuture } from './future';
export { Task } from './task';
export {
  CancelledError, TimeoutError, InvalidStateError, ExceptionGroup, RuntimeError, QueueEmpty, QueueFull,
  BrokenBarrierError, DeadlockError, BudgetExceededError, KeyboardInterrupt, describeError
} from './errors';
export { sleep } from './sleep';
export { createTask, currentTask, allTasks, now, type CreateTaskOptions } from './task-api';
export { gather, GatheringFuture, type GatherOptions } from './gather';
export { startRun, run, type LoopOptions, type RunReport, type RunHandle } from './run';
export { emitOutput } from './output';
export { coroutineHelpers } from './ts-helpers';
export { __awaiter } from './ts-helpers-awaiter';
export { DEFAULT_TRACE_CAP } from './trace-recorder';
export type * from './trace-events';
