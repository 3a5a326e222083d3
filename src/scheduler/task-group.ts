import { coroutineFrom, type Coroutine } from './coroutine';
import { AENTER, AEXIT } from './disposal';
import { CancelledError, ExceptionGroup, RuntimeError } from './errors';
import { Future } from './future';
import { MAX_TRACE_TARGETS } from './gather';
import { getRunningLoop } from './loop-state';
import { cancelBecause } from './cancel-cause';
import { spawnTask, type CreateTaskOptions } from './task-api';
import type { Task, TaskInit } from './task';

/** What a TaskGroup's exit waits on; the trace lists the children still running. */
class GroupExitFuture extends Future<unknown> {
  constructor(
    label: string,
    private readonly unfinished: () => number[]
  ) {
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
    this.loopGroups()?.add(this);
  }

  /** Exits the group (asyncio's __aexit__): returns the coroutine the disposal awaits. */
  [AEXIT](error: unknown, hasError: boolean): Coroutine<boolean> {
    return coroutineFrom<boolean>('TaskGroup.__aexit__', this.exit(error, hasError));
  }

  /** Starts a child task in the group (asyncio's TaskGroup.create_task). */
  createTask<T>(coro: Coroutine<T>, options?: CreateTaskOptions): Task<T> {
    if (!this.entered) this.refuse(coro, `TaskGroup ${this} has not been entered`);
    if (this.exiting && this.live === 0) this.refuse(coro, `TaskGroup ${this} is finished`);
    if (this.aborting) this.refuse(coro, `TaskGroup ${this} is shutting down`);
    if (this.taskInit === null) this.taskInit = { group: this.label };
    const task = spawnTask('TaskGroup.createTask()', coro, options, this.taskInit);
    // 3.12+ (taskgroups.py create_task): a child that finished eagerly is handled at once.
    if (task.done() && task.getLoop().pythonMinor >= 12) {
      this.live++;
      this._onTaskDone(task as Task<unknown>);
      return task;
    }
    task.addDoneCallback(this.onTaskDone as (t: Task<T>) => void);
    this.tasks.push(task as Task<unknown>);
    this.live++;
    return task;
  }

  /** 3.13 (taskgroups.py create_task) closes the coroutine it refuses, so no "never awaited" warning. */
  private refuse(coro: Coroutine<unknown>, message: string): never {
    const loop = getRunningLoop();
    if (
      loop !== null &&
      loop.pythonMinor >= 13 &&
      coro instanceof Object &&
      typeof coro.close === 'function' &&
      !coro.started
    ) {
      coro.close();
    }
    throw new RuntimeError(message);
  }

  private *exit(error: unknown, hasError: boolean): Generator<unknown, boolean, unknown> {
    this.exiting = true;
    const parent = this.parentTask as Task<unknown>;
    const py13 = parent.getLoop().pythonMinor >= 13;
    let propagateCancellation: unknown = hasError && error instanceof CancelledError ? error : null;
    // We cancelled our parent ourselves: take that request back (3.13: after the children finished).
    if (!py13 && this.parentCancelRequested && parent.uncancel() === 0) propagateCancellation = null;
    if (hasError && !this.aborting) this.abort();
    while (this.live > 0) {
      if (this.onCompletedFut === null)
        this.onCompletedFut = new GroupExitFuture(this.label, () => this.unfinishedIds());
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
    this.loopGroups()?.delete(this);
    // 3.13 (taskgroups.py __aexit__): uncancel only now, so a cancellation from outside that
    // arrived while the children finished is neither lost nor left pending (no hang).
    if (py13 && this.parentCancelRequested && parent.uncancel() === 0) propagateCancellation = null;
    if (propagateCancellation !== null && this.errors.length === 0) throw propagateCancellation;
    if (hasError && !(error instanceof CancelledError)) this.errors.push(error);
    if (this.errors.length > 0) {
      // 3.13 (taskgroups.py __aexit__): a parent being cancelled from outside is un-cancelled and
      // cancelled again, so the outside cancellation still arrives and cancelling() stays the same.
      if (py13 && parent.cancelling() > 0) {
        parent.uncancel();
        cancelBecause(parent.getLoop(), parent, {
          kind: 'task-group',
          label: `${this.label} (keeping the cancellation from outside)`
        });
      }
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

  /** Cancels every unfinished child; `failed` is the child whose error caused it, if any. */
  private abort(failed?: Task<unknown>): void {
    this.aborting = true;
    const loop = (this.parentTask as Task<unknown>).getLoop();
    const cause =
      failed === undefined
        ? { kind: 'task-group' as const, label: `${this.label}, which is aborting` }
        : { kind: 'task-group' as const, task: failed.id, label: this.label };
    // CPython iterates a set here (unspecified order); creation order is the project's choice.
    for (const task of this.tasks.slice()) if (!task.done()) cancelBecause(loop, task, cause);
  }

  private loopGroups(): Set<object> | null {
    return this.parentTask === null ? null : this.parentTask.getLoop().openTaskGroups;
  }

  /** @internal the parent task and the unfinished children, for the await graph. */
  _graph(): { parent: Task<unknown> | null; children: Task<unknown>[] } {
    return { parent: this.parentTask, children: this.tasks.filter(t => !t.done()) };
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
      task
        .getLoop()
        .warn(
          `Task '${task.getName()}' has errored out but its parent task '${parent.getName()}' is already completed`
        );
      return;
    }
    if (!this.aborting && !this.parentCancelRequested) {
      this.abort(task);
      this.parentCancelRequested = true;
      cancelBecause(task.getLoop(), parent, { kind: 'task-group', task: task.id, label: this.label });
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
