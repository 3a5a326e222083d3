import { Coroutine, MAX_AWAIT_DEPTH, SLEEP_FOR, SLEEP_ZERO, TAIL_YIELD, YIELD_ONE_ITERATION } from './coroutine';
import { CancelledError, RecursionError, RuntimeError, describeError } from './errors';
import { formatValue } from './format-value';
import { Future, FINISHED, NO_ERROR, PENDING, type Waker } from './future';
import {
  CANCEL_UNIT,
  MUST_CANCEL,
  PASSING_CANCEL,
  RELEASES_CALLER,
  TIMER_DEAD,
  TIMER_FIRED,
  TIMER_SCHEDULED,
  WOKEN
} from './future-flags';
import { awaitOutside, isThenable } from './outside-wait';
import { SleepCoroutine, markedSleepDelay, startSleep } from './sleep';
import { fireTaskTimer, maySleepDirectly, sleepDirectly, waitingFuture } from './task-sleep';
import type { EventLoop } from './event-loop';
import type { LiveNode } from './live-tasks';
import { cancelBecause } from './cancel-cause';
import { codeLocator, locateStack } from './code-locator';
import type { TaskId, TaskRole, TraceEvent, WaitKind } from './trace-events';
import type { TimerEntry } from './timer-heap';

/** The RecursionError of an await one level deeper than MAX_AWAIT_DEPTH (awaiting `name`). */
function tooDeep(name: string): RecursionError {
  return new RecursionError(
    `maximum recursion depth exceeded: ${MAX_AWAIT_DEPTH} coroutines awaiting each other ` +
      `(the innermost is '${name}'); does an async function await itself without a base case?`
  );
}

/** What a task is named after: its coroutine's name, or "Task" for an anonymous one. */
function baseName(coro: Coroutine<unknown>): string {
  const name = coro.name;
  return !name || name === 'coroutine' || name === 'anonymous' ? 'Task' : name;
}

/** Options the loop uses when it creates a task. */
export interface TaskInit {
  name?: string;
  role?: TaskRole;
  /** The TaskGroup or gather that owns the task ("TaskGroup#1", "gather#2"). */
  group?: string;
  /** The creating task (default: the task running now). */
  parent?: Task<unknown> | null;
  /** Made through the loop's task factory (createTask, ensureFuture): starts eagerly when the
   * eager task factory is set (3.12+). */
  eager?: boolean;
}

/**
 * `Task` — `asyncio.Task` (made by `createTask`): drives a coroutine step by step on the loop.
 * Creating one only schedules its first step. A step sends a value (or throws) into the innermost
 * coroutine of the task's stack and keeps going synchronously until the task really suspends.
 * `await task` gives its result; `task.cancel()` requests cancellation.
 * (docs/scheduler-semantics.md §1.1–1.4.)
 */
export class Task<T = unknown> extends Future<T> implements Waker, LiveNode, TimerEntry {
  /** 0 for the run's first task, in creation order. */
  readonly id: TaskId;
  declare readonly role: TaskRole;
  /** The task that created this one (null for the run's main task). */
  readonly parent: Task<unknown> | null;
  /**
   * The name, or until it is first asked for, the number that makes the coroutine's name unique
   * (0: the name is the coroutine's; n: "name-n"): no string per task when unused, one field.
   */
  private _name: string | number;
  private readonly _coro: Coroutine<T>;
  /** The innermost coroutine awaited inline (docs/scheduler-semantics.md §1.4); its `caller` chain is the task's stack. */
  private _top: Coroutine<unknown> | null;
  /** @internal the future this task waits on (asyncio's _fut_waiter), cleared when a step starts. */
  _waiter: Future<unknown> | null = null;
  /** @internal links of the loop's live-task list (the WOKEN flag, the cancel count and a
   * pending error live in Future's _flags and _extra, to keep tasks small). */
  _prevLive: LiveNode | null = null;
  /** @internal */
  _nextLive: LiveNode | null = null;

  constructor(loop: EventLoop, coro: Coroutine<T>, init: TaskInit = {}) {
    super();
    this._loop = loop;
    this._coro = coro;
    coro.started = true;
    this._top = coro as Coroutine<unknown>;
    this.id = loop.newTaskId();
    this._name = init.name !== undefined ? String(init.name) : loop.taskNameNumber(baseName(coro));
    const parent = init.parent !== undefined ? init.parent : loop.currentTask;
    this.parent = parent;
    // 'task' is the prototype's default: ordinary tasks carry no role field.
    if (init.role !== undefined && init.role !== 'task') (this as { role: TaskRole }).role = init.role;
    loop.liveTasks.add(this as Task<unknown>);
    if (loop.tracing) {
      const t = loop.clock.now();
      const event: {
        type: 'task-created';
        t: number;
        task: TaskId;
        name: string;
        parent: TaskId | null;
        role: TaskRole;
        group?: string;
      } = {
        type: 'task-created',
        t,
        task: this.id,
        name: this.getName(),
        parent: parent === null ? null : parent.id,
        role: this.role
      };
      if (init.group !== undefined) event.group = init.group;
      loop.trace.push(event);
      if (!loop.eagerTasks || init.eager !== true) loop.trace.push({ type: 'task-ready', t, task: this.id });
    }
    // 3.12+ eager task factory: the first step runs now, inside the creator's step (tasks.py
    // Task.__eager_start); only tasks made by createTask / ensureFuture ask for it.
    if (loop.eagerTasks && init.eager === true) this._eagerStart(init.name);
    else loop.schedule(this);
  }

  /** Runs the first step at once, as the running task (tasks.py Task.__eager_start, 3.12+). */
  private _eagerStart(givenName: string | undefined): void {
    const loop = this._loop as EventLoop;
    const creator = loop.currentTask;
    // A task factory gets no name: create_task sets it after the eager step (base_events.py).
    if (givenName !== undefined) this._name = loop.taskNameNumber(baseName(this._coro));
    // In the trace the creator's step pauses while the new task's first step runs.
    if (loop.tracing && creator !== null) loop.trace.push({ type: 'step-end', t: loop.clock.now(), task: creator.id });
    try {
      this._step(false, undefined);
    } finally {
      loop.currentTask = creator;
      if (givenName !== undefined) this.setName(givenName);
      if (loop.tracing && creator !== null)
        loop.trace.push({ type: 'step-start', t: loop.clock.now(), task: creator.id });
    }
  }

  /** @internal true while the task's own timer is queued (a direct sleep: see task-sleep.ts). */
  get scheduled(): boolean {
    return (this._flags & TIMER_SCHEDULED) !== 0;
  }
  /** @internal */
  set scheduled(on: boolean) {
    if (on) this._flags |= TIMER_SCHEDULED;
    // A live timer leaves the queue only to be run next (the loop queues it): mark that run.
    else this._flags = (this._flags & ~TIMER_SCHEDULED) | ((this._flags & TIMER_DEAD) === 0 ? TIMER_FIRED : 0);
  }

  /** @internal true once the task's own timer is cancelled (lazy deletion, as for any timer). */
  get dead(): boolean {
    return (this._flags & TIMER_DEAD) !== 0;
  }
  /** @internal */
  set dead(on: boolean) {
    this._flags = on ? this._flags | TIMER_DEAD : this._flags & ~TIMER_DEAD;
  }

  /** The task's name. */
  getName(): string {
    const name = this._name;
    if (typeof name === 'string') return name;
    const base = baseName(this._coro);
    return (this._name = name === 0 ? base : `${base}-${name}`);
  }

  /** The task's name, as what others wait on in the trace. */
  override get label(): string {
    return this.getName();
  }

  /** The root task (started with run()) this task descends from, or null. */
  get root(): Task<unknown> | null {
    for (let t: Task<unknown> | null = this as Task<unknown>; t !== null; t = t.parent) if (t.role === 'root') return t;
    return null;
  }

  /** Renames the task (the trace keeps the name it was created with). */
  setName(name: string): void {
    this._name = String(name);
  }

  /** @internal the name of the coroutine running (or suspended) innermost in this task. */
  innermostCoroutineName(): string {
    return (this._top ?? this._coro).name;
  }

  /** @internal the task's coroutines, innermost (suspended or running) first, for the await graph. */
  _stack(): Coroutine<unknown>[] {
    const stack: Coroutine<unknown>[] = [];
    for (let c = this._top; c !== null && stack.length < 1000; c = c.caller) stack.push(c);
    return stack;
  }

  /** The coroutine this task wraps. */
  getCoro(): Coroutine<T> {
    return this._coro;
  }

  /** Tasks are completed by their coroutine only. */
  override setResult(_value: T): void {
    throw new RuntimeError('Task does not support set_result operation');
  }

  /** Tasks are completed by their coroutine only. */
  override setException(_error: unknown): void {
    throw new RuntimeError('Task does not support set_exception operation');
  }

  /** @internal */
  static {
    (Task.prototype as { waitKind: string }).waitKind = 'task';
    (Task.prototype as { role: TaskRole }).role = 'task';
  }

  /** Number of pending cancel requests (asyncio 3.11 Task.cancelling()). */
  cancelling(): number {
    return Math.floor(this._flags / CANCEL_UNIT);
  }

  /** Decrements the pending cancel requests and returns the new count. */
  uncancel(): number {
    if (this._flags >= CANCEL_UNIT) {
      this._flags -= CANCEL_UNIT;
      // 3.13 (tasks.py Task.uncancel): the last uncancel also withdraws a cancel not delivered yet.
      if (this._flags < CANCEL_UNIT && (this._loop as EventLoop).pythonMinor >= 13) this._flags &= ~MUST_CANCEL;
    }
    return Math.floor(this._flags / CANCEL_UNIT);
  }

  /**
   * Requests cancellation (docs/scheduler-semantics.md §3.1): never cancels synchronously. If the task waits on a future
   * (or task, or gather), that is cancelled; otherwise the CancelledError is thrown in at its next
   * step. Returns false only when the task is already done.
   */
  override cancel(msg?: string): boolean {
    if (msg !== undefined && typeof msg !== 'string') {
      throw new TypeError(`cancel(): msg must be a string or undefined, got ${formatValue(msg)}`);
    }
    this._logTraceback = false;
    if (this._state !== PENDING) return false;
    this._flags += CANCEL_UNIT;
    const loop = this._loop as EventLoop;
    if (loop.tracing) this._traceCancel(loop, msg);
    // Leave _waiter set: it may be a task that swallows the cancel and must be cancelled again.
    // (A direct sleep gets its future made here: the cancellation goes to it, as for any sleep.)
    const waiter = waitingFuture(this as Task<unknown>);
    if (waiter !== null) {
      if ((this._flags & PASSING_CANCEL) !== 0) return this._breakAwaitCycle(msg);
      this._flags |= PASSING_CANCEL;
      let passed: boolean;
      try {
        passed = this._passCancel(waiter, msg);
      } finally {
        this._flags &= ~PASSING_CANCEL;
      }
      if (passed) return true;
    }
    this._flags |= MUST_CANCEL;
    this._cancelMessage = msg;
    return true;
  }

  private _traceCancel(loop: EventLoop, msg: string | undefined): void {
    const by = loop.currentTask;
    const cause = loop.cancelCause;
    const event: Extract<TraceEvent, { type: 'cancel-requested' }> = {
      type: 'cancel-requested',
      t: loop.clock.now(),
      task: this.id,
      by: by === null ? null : by.id,
      cause: cause === null ? 'explicit' : cause.kind
    };
    if (msg !== undefined) event.message = msg;
    if (cause !== null && cause.task !== undefined) event.causeTask = cause.task;
    if (cause !== null && cause.label !== undefined) event.causeLabel = cause.label;
    loop.trace.push(event);
  }

  /**
   * The cancellation came back to this task through what it awaits: tasks awaiting each other in
   * a cycle (CPython recurses until RecursionError here). Stop waiting and take the
   * CancelledError at the next step, which breaks the cycle.
   */
  private _breakAwaitCycle(msg: string | undefined): boolean {
    const waiter = this._waiter as Future<unknown>;
    waiter.removeDoneCallback(this as unknown as (f: Future<unknown>) => void);
    this._waiter = null;
    this._flags |= MUST_CANCEL;
    this._cancelMessage = msg;
    (this._loop as EventLoop).schedule(this);
    return true;
  }

  /** Cancels what this task awaits; the trace records that the cancellation came from this task. */
  private _passCancel(waiter: Future<unknown>, msg: string | undefined): boolean {
    const loop = this._loop as EventLoop;
    return loop.tracing ? cancelBecause(loop, waiter, { kind: 'propagated', task: this.id }, msg) : waiter.cancel(msg);
  }

  /** @internal the future this task waited on completed: run the next step next iteration. */
  wakeFrom(future: Future<unknown>): void {
    // The future that woke us is always the one we wait on (_waiter): a bit says it did.
    void future;
    this._flags |= WOKEN;
    const loop = this._loop as EventLoop;
    loop.schedule(this);
    if (loop.tracing) loop.trace.push({ type: 'woken', t: loop.clock.now(), task: this.id });
  }

  /** @internal what the loop calls: one step (asyncio's __wakeup + __step). */
  runFromLoop(): void {
    if ((this._flags & TIMER_FIRED) !== 0) {
      // Not a step: the task's own sleep timer ran (see task-sleep.ts).
      fireTaskTimer(this as Task<unknown>, this._loop as EventLoop);
      return;
    }
    if (this._state !== PENDING) return;
    let isThrow = false;
    let value: unknown = undefined;
    let from: Future<unknown> | null = null;
    if ((this._flags & WOKEN) !== 0) {
      this._flags &= ~WOKEN;
      // null after a direct sleep: its result is undefined.
      from = this._waiter;
    }
    if (from !== null) {
      if (from._state === FINISHED && !from._hasException) {
        from._logTraceback = false;
        value = from._result;
      } else {
        isThrow = true;
        value = from._state === FINISHED ? from.exception() : from._makeCancelledError();
      }
    } else if (this._extra !== null && this._extra.throwNext !== NO_ERROR) {
      isThrow = true;
      value = this._extra.throwNext;
      this._extra.throwNext = NO_ERROR;
    }
    if ((this._flags & MUST_CANCEL) !== 0) {
      if (!(isThrow && value instanceof CancelledError)) value = this._makeCancelledError();
      isThrow = true;
      this._flags &= ~MUST_CANCEL;
    }
    this._waiter = null;
    this._step(isThrow, value);
  }

  private _step(isThrow: boolean, value: unknown): void {
    const loop = this._loop as EventLoop;
    const tracing = loop.tracing;
    loop.steps++;
    loop.currentTask = this as Task<unknown>;
    if (tracing) loop.trace.push({ type: 'step-start', t: loop.clock.now(), task: this.id });
    for (;;) {
      const coro = this._top;
      if (coro === null) {
        // The task's own coroutine finished by a tail await (createTask(sleep(1))).
        if (isThrow) this._finishWithError(value);
        else this._finishWithResult(value as T);
        break;
      }
      let r: IteratorResult<unknown, unknown>;
      try {
        r = isThrow ? coro.throwInto(value) : coro.send(value);
      } catch (error) {
        this._top = coro.caller;
        coro.release();
        if (this._top === null) {
          this._finishWithError(error);
          break;
        }
        isThrow = true;
        value = error;
        continue;
      }
      if (r.done) {
        this._top = coro.caller;
        coro.release();
        if (this._top === null) {
          this._finishWithResult(r.value as T);
          break;
        }
        isThrow = false;
        value = r.value;
        continue;
      }
      const awaited = r.value;
      if (awaited === SLEEP_ZERO) {
        // A compiled `await sleep(0)` (no coroutine made): what awaiting that coroutine does.
        if (coro.depth >= MAX_AWAIT_DEPTH) {
          isThrow = true;
          value = tooDeep('sleep');
          continue;
        }
        loop.schedule(this);
        if (tracing) loop.trace.push({ type: 'task-ready', t: loop.clock.now(), task: this.id });
        break;
      }
      if (awaited === SLEEP_FOR) {
        // A compiled `await sleep(d)`, d > 0: the sleep coroutine's first step, then waiting on
        // its future with the coroutine already dropped (as for the tail future below).
        if (coro.depth >= MAX_AWAIT_DEPTH) {
          isThrow = true;
          value = tooDeep('sleep');
          continue;
        }
        const delay = markedSleepDelay();
        if (maySleepDirectly(this as Task<unknown>) && (this._flags & MUST_CANCEL) === 0) {
          sleepDirectly(this as Task<unknown>, loop, delay);
          if (tracing) this._traceSuspended(loop, 'sleep', `sleep(${delay})`, undefined, undefined);
        } else this._suspendOn(startSleep(loop, delay, undefined));
        break;
      }
      if (awaited === TAIL_YIELD) {
        // sleep(0) finished by yielding: drop it, resume its caller after one iteration.
        this._top = coro.caller;
        coro.release();
        loop.schedule(this);
        if (tracing) loop.trace.push({ type: 'task-ready', t: loop.clock.now(), task: this.id });
        break;
      }
      if (awaited === YIELD_ONE_ITERATION) {
        // A bare yield: exactly one iteration (docs/scheduler-semantics.md §2.1).
        loop.schedule(this);
        if (tracing) loop.trace.push({ type: 'task-ready', t: loop.clock.now(), task: this.id });
        break;
      }
      if (awaited instanceof Coroutine) {
        if (awaited.started) {
          isThrow = true;
          value = new RuntimeError(`cannot reuse already awaited coroutine ${awaited}`);
          continue;
        }
        awaited.started = true;
        if (coro.depth >= MAX_AWAIT_DEPTH) {
          // Raised at the await that would go one level too deep, as CPython raises RecursionError.
          awaited.close();
          isThrow = true;
          value = tooDeep(awaited.name);
          continue;
        }
        if (awaited instanceof SleepCoroutine && awaited.finishByYield()) {
          // sleep(0) without going through the stack: the same one iteration as TAIL_YIELD below.
          loop.schedule(this);
          if (tracing) loop.trace.push({ type: 'task-ready', t: loop.clock.now(), task: this.id });
          break;
        }
        awaited.depth = coro.depth + 1;
        awaited.caller = coro;
        this._top = awaited;
        isThrow = false;
        value = undefined;
        continue;
      }
      if (awaited instanceof Future) {
        if (awaited._state !== PENDING) {
          // docs/scheduler-semantics.md §1.3: a done future's result is sent at once, without suspending.
          if (awaited._state === FINISHED && !awaited._hasException) {
            awaited._logTraceback = false;
            isThrow = false;
            value = awaited._result;
          } else {
            isThrow = true;
            value = awaited._state === FINISHED ? awaited.exception() : awaited._makeCancelledError();
          }
          continue;
        }
        if (awaited === (this as Future<unknown>)) {
          this._throwSoon(new RuntimeError(`Task cannot await on itself: ${this}`));
          break;
        }
        if ((awaited._flags & RELEASES_CALLER) !== 0) {
          // A tail future (sleep(d)'s): its coroutine finished when it handed it out, so its
          // result goes to that coroutine's caller.
          this._top = coro.caller;
          coro.release();
        }
        this._suspendOn(awaited);
        break;
      }
      if (isThenable(awaited)) {
        this._suspendOn(awaitOutside(loop, this as Task<unknown>, awaited));
        break;
      }
      // Awaiting a plain value: JS allows it; the value comes back at once (documented difference).
      isThrow = false;
      value = awaited;
    }
    if (tracing) loop.trace.push({ type: 'step-end', t: loop.clock.now(), task: this.id });
    loop.currentTask = null;
  }

  private _suspendOn(future: Future<unknown>): void {
    const loop = this._loop as EventLoop;
    future._addCallback(this);
    this._waiter = future;
    if (loop.tracing)
      this._traceSuspended(
        loop,
        future.waitKind,
        future.label,
        future instanceof Task ? future.id : undefined,
        future._waitTargets()
      );
    // cancel() was called during this very step: pass it on to what we now wait on.
    if ((this._flags & MUST_CANCEL) !== 0 && this._passCancel(future, this._cancelMessage)) this._flags &= ~MUST_CANCEL;
  }

  private _traceSuspended(
    loop: EventLoop,
    on: WaitKind,
    label: string,
    target: TaskId | undefined,
    targets: number[] | undefined
  ): void {
    const event: Extract<TraceEvent, { type: 'suspended' }> = {
      type: 'suspended',
      t: loop.clock.now(),
      task: this.id,
      on,
      label
    };
    if (target !== undefined) event.target = target;
    if (targets !== undefined) event.targets = targets;
    if (codeLocator !== null) {
      const at = locateStack(this._top);
      if (at !== null) {
        event.cell = at.cell;
        event.line = at.line;
      }
    }
    loop.trace.push(event);
  }

  private _throwSoon(error: unknown): void {
    if (this._extra === null)
      this._extra = { cancelMessage: undefined, cancelledExc: null, throwNext: error, callbacks: null };
    else this._extra.throwNext = error;
    (this._loop as EventLoop).schedule(this);
  }

  private _finishWithResult(value: T): void {
    if ((this._flags & MUST_CANCEL) !== 0) {
      // Cancelled right before the coroutine returned.
      this._flags &= ~MUST_CANCEL;
      super.cancel(this._cancelMessage);
    } else {
      super.setResult(value);
    }
    this._finished();
  }

  private _finishWithError(error: unknown): void {
    if (error instanceof CancelledError) {
      this._cancelledExc = error;
      super.cancel();
    } else {
      super.setException(error);
      (this._loop as EventLoop).failedTasks.push(this as Task<unknown>);
    }
    this._finished();
  }

  private _finished(): void {
    const loop = this._loop as EventLoop;
    loop.liveTasks.delete(this as Task<unknown>);
    if (loop.tracing) {
      const outcome = this._state === FINISHED ? (this._hasException ? 'exception' : 'result') : 'cancelled';
      const detail =
        outcome === 'result'
          ? formatValue(this._result)
          : outcome === 'exception'
            ? describeError(this._exception)
            : describeError(this._cancelledExc ?? new CancelledError(this._cancelMessage));
      const event: Extract<TraceEvent, { type: 'finished' }> = {
        type: 'finished',
        t: loop.clock.now(),
        task: this.id,
        outcome,
        detail
      };
      const at = outcome === 'exception' && codeLocator !== null ? codeLocator.raisedAt(this._exception) : null;
      if (at !== null) {
        event.cell = at.cell;
        event.line = at.line;
      }
      loop.trace.push(event);
    }
  }

  /** Python-like repr: <Task pending name='task1' coro=<coroutine object task1>>. */
  override toString(): string {
    return `<Task ${this._describeState()} name='${this.getName()}' coro=${this._coro}>`;
  }
}
