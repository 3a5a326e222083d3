import { coroutineFrom, type Coroutine } from './coroutine';
import { AENTER, AEXIT } from './disposal';
import { CancelledError, ExceptionGroup, RuntimeError } from './errors';
import { Future } from './future';
import { MAX_TRACE_TARGETS } from './gather';
import { getRunningLoop } from './loop-state';
import { spawnTask, type CreateTaskOptions } from './task-api';
import type { Task, TaskInit } from './task';

/** What a TaskGroup's exit waits on; the trace lists the children still running. */
class GroupExitFuture extends Future<unknown> {
  constructor(label: string, private readonly unfinished: () => number[]) {
    super(label, 'taskgroup');
  }
  override _waitTargets(): number[] {
    return this.unfinished();
  }
}

/**
 * `TaskGroup` — `asyncio.TaskGroup` (`async with asyncio.TaskGroup() as tg`), written
 * `await using tg = new TaskGroup()`; start children with `tg.createTask(coro, { name })`. At the
 * end of the block it waits for every child. A failing child cancels the others and the body; the
 * exit then raises an ExceptionGroup of the children's errors (the body's error last).
 * (docs/scheduler-semantics.md §5.2–5.3.)
 * @example await using tg = new TaskGroup(); tg.createTask(worker(1)); tg.createTask(worker(2));
 */
export class TaskGroup {
  private entered = false;
  private exiting = false;
  private aborting = false;
  private parentTask: Task<unknown> | null = null;
  private parentCancelRequested = false;
  /** The children in creation order; finished ones are dropped in batches (see onTaskDone). */
  private tasks: Task<unknown>[] = [];
  /** Children not finished yet (asyncio's len(self._tasks)). */
  private live = 0;
  private finishedSinceCompaction = 0;
  /** What every child is created with (one object for the whole group). */
  private taskInit: TaskInit | null = null;
  private errors: unknown[] = [];
  private onCompletedFut: Future<unknown> | null = null;
  private _label: string | null = null;
  private readonly onTaskDone = (task: Task<unknown>): void => this._onTaskDone(task);

  /** "TaskGroup#1": the group's name in the trace. */
  get label(): string {
    if (this._label === null) {
      const loop = getRunningLoop();
      this._label = `TaskGroup#${loop ? loop.nextSerial('TaskGroup') : 0}`;
    }
    return this._label;
  }

  /** Enters the group (called by `await using`): records the parent task. */
  [AENTER](): void {
    if (this.entered) throw new RuntimeError(`TaskGroup ${this} has been already entered`);
    this.entered = true;
    const loop = getRunningLoop();
    this.parentTask = loop === null ? null : loop.currentTask;
    if (this.parentTask === null) throw new RuntimeError(`TaskGroup ${this} cannot determine the parent task`);
    void this.label;
  }

  /** Exits the group (asyncio's __aexit__): returns the coroutine the disposal awaits. */
  [AEXIT](error: unknown, hasError: boolean): Coroutine<boolean> {
    return coroutineFrom<boolean>('TaskGroup.__aexit__', this.exit(error, hasError));
  }

  /** Starts a child task in the group (asyncio's TaskGroup.create_task). */
  createTask<T>(coro: Coroutine<T>, options?: CreateTaskOptions): Task<T> {
    if (!this.entered) throw new RuntimeError(`TaskGroup ${this} has not been entered`);
    if (this.exiting && this.live === 0) throw new RuntimeError(`TaskGroup ${this} is finished`);
    if (this.aborting) throw new RuntimeError(`TaskGroup ${this} is shutting down`);
    if (this.taskInit === null) this.taskInit = { group: this.label };
    const task = spawnTask('TaskGroup.createTask()', coro, options, this.taskInit);
    task.addDoneCallback(this.onTaskDone as (t: Task<T>) => void);
    this.tasks.push(task as Task<unknown>);
    this.live++;
    return task;
  }

  private *exit(error: unknown, hasError: boolean): Generator<unknown, boolean, unknown> {
    this.exiting = true;
    const parent = this.parentTask as Task<unknown>;
    let propagateCancellation: unknown = hasError && error instanceof CancelledError ? error : null;
    // We cancelled our parent ourselves: take that request back.
    if (this.parentCancelRequested && parent.uncancel() === 0) propagateCancellation = null;
    if (hasError && !this.aborting) this.abort();
    while (this.live > 0) {
      if (this.onCompletedFut === null) this.onCompletedFut = new GroupExitFuture(this.label, () => this.unfinishedIds());
      try {
        yield this.onCompletedFut;
      } catch (ex) {
        if (!(ex instanceof CancelledError)) throw ex;
        if (!this.aborting) {
          // The parent is cancelled from outside while it waits for the children.
          propagateCancellation = ex;
          this.abort();
        }
      }
      this.onCompletedFut = null;
    }
    if (propagateCancellation !== null && this.errors.length === 0) throw propagateCancellation;
    if (hasError && !(error instanceof CancelledError)) this.errors.push(error);
    if (this.errors.length > 0) {
      const errors = this.errors;
      this.errors = [];
      throw new ExceptionGroup('unhandled errors in a TaskGroup', errors);
    }
    return false;
  }

  private unfinishedIds(): number[] {
    const ids: number[] = [];
    for (const task of this.tasks) {
      if (ids.length >= MAX_TRACE_TARGETS) break;
      if (!task.done()) ids.push(task.id);
    }
    return ids;
  }

  private abort(): void {
    this.aborting = true;
    // CPython iterates a set here (unspecified order); creation order is the project's choice.
    for (const task of this.tasks.slice()) if (!task.done()) task.cancel();
  }

  private _onTaskDone(task: Task<unknown>): void {
    this.live--;
    // An array with batched compaction instead of a Set: O(1) per child, no rehashing.
    if (++this.finishedSinceCompaction > 1024 && this.finishedSinceCompaction * 2 > this.tasks.length) {
      this.tasks = this.tasks.filter(t => !t.done());
      this.finishedSinceCompaction = 0;
    }
    if (this.onCompletedFut !== null && this.live === 0 && !this.onCompletedFut.done()) {
      this.onCompletedFut.setResult(true);
    }
    if (task.cancelled()) return;
    const exc = task.exception();
    if (!task._hasException) return;
    this.errors.push(exc);
    const parent = this.parentTask as Task<unknown>;
    if (parent.done()) {
      task.getLoop().warn(`Task '${task.getName()}' has errored out but its parent task '${parent.getName()}' is already completed`);
      return;
    }
    if (!this.aborting && !this.parentCancelRequested) {
      this.abort();
      this.parentCancelRequested = true;
      parent.cancel();
    }
  }

  /** CPython's repr: <TaskGroup tasks=2 errors=1 cancelling>. */
  toString(): string {
    const info = [''];
    if (this.live) info.push(`tasks=${this.live}`);
    if (this.errors.length) info.push(`errors=${this.errors.length}`);
    if (this.aborting) info.push('cancelling');
    else if (this.entered) info.push('entered');
    return `<TaskGroup${info.join(' ')}>`;
  }
}
