import { Handle, TimerHandle, type HandleOwner, type Runnable } from './handle';
import { RingQueue } from './ready-queue';
import { LiveTasks } from './live-tasks';
import type { TimerEntry } from './timer-heap';
import { TimerQueue } from './timer-queue';
import { createClock, type Clock } from './clocks';
import { TraceRecorder, DEFAULT_TRACE_CAP } from './trace-recorder';
import { describeError } from './errors';
import type { Coroutine, CoroutineHooks, CoroutineTracking, SleepCounter } from './coroutine';
import type { Task } from './task';
import type { Future } from './future';
import type { TaskId } from './trace-events';
import type { OutsideWaitLimit } from './run-options';
import { DEFAULT_PYTHON_VERSION, pythonMinor, type PythonVersion } from './python-version';
import type { CancelCause } from './cancel-cause';

/** One end-of-run report: its text, and the exception and task it is about (for tracebacks). */
export interface WarningDetail {
  text: string;
  error?: unknown;
  task?: TaskId;
}

/** What run() calls inside a running loop to start a root task (implemented by the runner). */
export interface RootSubmitter {
  submitRoot(coro: Coroutine<unknown>): Future<unknown>;
}

/** How the loop is configured (a subset of LoopOptions). */
export interface EventLoopConfig {
  clock: 'virtual' | 'real';
  trace?: boolean;
  traceCap?: number;
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
  outsideWaitLimit?: OutsideWaitLimit;
  /** Which CPython release's asyncio to follow (default '3.11'). */
  python?: PythonVersion;
  coroutineHooks?: CoroutineHooks;
}

/**
 * The event loop's state and one iteration of it (CPython's BaseEventLoop._run_once).
 * Driving it (budgets, deadlock, waiting for real time or outside promises) is LoopDriver's job.
 */
export class EventLoop implements HandleOwner {
  readonly clock: Clock;
  /** The FIFO ready queue: Handles and Tasks whose next step is due. */
  readonly ready = new RingQueue<Runnable>();
  readonly timers = new TimerQueue();
  readonly trace: TraceRecorder;
  /** Hot-path flag: build trace events only when true (turned off once the trace is full). */
  tracing: boolean;
  readonly onOutput: ((stream: 'stdout' | 'stderr', text: string) => void) | undefined;
  /** Real-time limit of outside waits, if any. */
  readonly outsideWaitLimit: OutsideWaitLimit | undefined;
  /** The asyncio version followed: 11, 12 or 13 (Python 3.x), compared where the rules differ. */
  readonly pythonMinor: number;
  /** Prints whose cell line was looked up for the trace (capped: it reads the stack). */
  locatedPrints = 0;
  /** 3.12+: `setTaskFactory(eagerTaskFactory)` was called: new tasks start eagerly. */
  eagerTasks = false;
  /** While tracing: why the cancel() being called now happens (null: an explicit call). */
  cancelCause: CancelCause | null = null;
  /** TaskGroups entered and not yet exited, for the await graph (their children are awaited by the parent). */
  readonly openTaskGroups = new Set<object>();
  /** The task whose step is running, or null between steps. */
  currentTask: Task<unknown> | null = null;
  /** Tasks not done yet, in creation order (Set keeps insertion order). */
  readonly liveTasks = new LiveTasks<Task<unknown>>();
  /** Tasks that finished with an exception, to report unretrieved ones at the end (rule 11). */
  readonly failedTasks: Task<unknown>[] = [];
  /** Coroutines created in the current iteration (emptied after each iteration). */
  readonly coroutineLog: Coroutine<unknown>[] = [];
  /** sleep() coroutines made and started during the run (counted, not logged: they are many). */
  readonly sleepCounter: SleepCounter = { created: 0, started: 0 };
  /** What the driver installs while this loop runs. */
  readonly coroutineTracking: CoroutineTracking;
  /** Coroutines that outlived the iteration they were made in without being started. */
  private unstarted: Coroutine<unknown>[] = [];
  private unstartedCompactAt = 1024;
  /** End-of-run reports collected as they happen (e.g. errors in callbacks), with their errors. */
  readonly warnings: WarningDetail[] = [];
  /** Task steps run so far (the step budget counts these). */
  steps = 0;
  /** Outside promises (fetch, browser timers) a task is waiting for. */
  outsidePending = 0;
  /** The runner, for run() inside the loop (null for a bare loop). */
  roots: RootSubmitter | null = null;
  /** Set by the driver: called when an outside promise settles while the loop is parked. */
  onOutsideSettled: (() => void) | null = null;
  private timerSeq = 0;
  private nextId = 0;
  private readonly serials = new Map<string, number>();
  private readonly nameCounts = new Map<string, number>();
  /** The name taskNameNumber saw last and its count (not in nameCounts until another name comes). */
  private lastNameBase: string | null = null;
  private lastNameCount = 0;

  constructor(config: EventLoopConfig) {
    this.clock = createClock(config.clock);
    this.tracing = config.trace !== false;
    this.trace = new TraceRecorder(this.tracing, config.clock, config.traceCap ?? DEFAULT_TRACE_CAP);
    this.trace.onFull = () => (this.tracing = false);
    this.onOutput = config.onOutput;
    this.outsideWaitLimit = config.outsideWaitLimit;
    this.pythonMinor = pythonMinor(config.python ?? DEFAULT_PYTHON_VERSION);
    this.coroutineTracking = {
      log: this.coroutineLog,
      sleeps: this.sleepCounter,
      hooks: config.coroutineHooks ?? null
    };
  }

  /** The loop's clock time in seconds (asyncio's loop.time()). */
  time(): number {
    return this.clock.now();
  }

  /** @internal a callback threw: report it, keep going. */
  reportHandleError(error: unknown, handle: Handle): void {
    const fn = handle.callback.name || 'anonymous';
    this.warn(`Exception in callback ${fn}(): ${describeError(error)}`, error);
  }

  /** @internal a scheduled timer was cancelled (for the compaction rule). */
  countCancelledTimer(): void {
    this.timers.cancelledCount++;
  }

  /** Queues `callback(arg)` for the next iteration (asyncio's call_soon). */
  callSoon<A>(callback: (arg: A) => void, arg?: A): Handle {
    const handle = new Handle(callback, arg, this);
    this.ready.push(handle);
    return handle;
  }

  /** Runs `callback(arg)` once the clock reaches `when` (asyncio's call_at). */
  callAt<A>(when: number, callback: (arg: A) => void, arg?: A): TimerHandle {
    const timer = new TimerHandle(when, callback, arg, this);
    this.addTimer(timer, when);
    return timer;
  }

  /** @internal pushes a timer entry due at `when` (a TimerHandle, or sleep's self-timing future). */
  addTimer(timer: TimerEntry, when: number): void {
    timer.scheduled = true;
    this.timers.push(timer, when, this.timerSeq++);
  }

  /** Runs `callback(arg)` after `delay` seconds (asyncio's call_later: call_at(time() + delay)). */
  callLater<A>(delay: number, callback: (arg: A) => void, arg?: A): TimerHandle {
    return this.callAt(this.clock.now() + delay, callback, arg);
  }

  /** Queues a task's next step (used by Task for wake-ups and yields). */
  schedule(runnable: Runnable): void {
    this.ready.push(runnable);
  }

  /** Drops cancelled timers from the heap (compaction rule, then the head). */
  dropCancelledTimers(): void {
    const timers = this.timers;
    if (timers.cancelledCount === 0) return; // nothing to drop (the usual case, checked every iteration)
    timers.compactIfWorthIt();
    while (timers.size > 0 && (timers.peek() as TimerEntry).dead) timers.pop();
  }

  /**
   * One iteration of the loop. The phases, in order (CPython base_events.py _run_once):
   *   1. Drop cancelled timers: all of them when more than half of >100 are cancelled,
   *      otherwise those at the head of the heap.
   *   2. If nothing is ready and the clock is virtual, jump the clock to the earliest timer
   *      (this replaces asyncio's blocking poll; the driver handles real waiting and budgets).
   *   3. Move every timer that is due (when <= now) to the END of the ready queue, earliest
   *      first, equal deadlines in scheduling order.
   *   4. Run exactly the handles that are in the ready queue now (ntodo); whatever they
   *      schedule runs in the next iteration. Cancelled handles are skipped.
   */
  runOnce(): void {
    // 1.
    this.dropCancelledTimers();
    const timers = this.timers;
    const ready = this.ready;
    // 2.
    if (ready.length === 0 && timers.size > 0 && this.clock.kind === 'virtual') {
      this.clock.advanceTo(timers.peekWhen());
    }
    // 3.
    if (timers.size > 0) {
      const now = this.clock.now();
      while (timers.size > 0 && timers.peekWhen() <= now) {
        const timer = timers.pop();
        if (!timer.dead) ready.push(timer);
      }
    }
    // 4.
    for (let ntodo = ready.length; ntodo > 0; ntodo--) ready.shift().runFromLoop();
    if (this.coroutineLog.length > 0) this.sweepCoroutineLog();
  }

  /** Keeps the coroutines of this iteration that nobody started yet; forgets the others. */
  sweepCoroutineLog(): void {
    const log = this.coroutineLog;
    for (let i = 0; i < log.length; i++) if (!log[i].started) this.unstarted.push(log[i]);
    log.length = 0;
    if (this.unstarted.length >= this.unstartedCompactAt) {
      this.unstarted = this.unstarted.filter(c => !c.started);
      this.unstartedCompactAt = Math.max(1024, this.unstarted.length * 2);
    }
  }

  /** Coroutines created during the run that were never started (for the end-of-run report). */
  neverStartedCoroutines(): Coroutine<unknown>[] {
    this.sweepCoroutineLog();
    return this.unstarted.filter(c => !c.started);
  }

  /** Adds an end-of-run report line; `error` is the exception it is about, if any. */
  warn(text: string, error?: unknown, task?: Task<unknown>): void {
    const detail: WarningDetail = { text };
    if (error !== undefined) detail.error = error;
    if (task !== undefined) detail.task = task.id;
    this.warnings.push(detail);
  }

  /** A new task id (0 for the first task of the run). */
  newTaskId(): TaskId {
    return this.nextId++;
  }

  /** Per-loop serial numbers for labels such as "Lock#1" or "gather#2". */
  nextSerial(kind: string): number {
    const n = (this.serials.get(kind) ?? 0) + 1;
    this.serials.set(kind, n);
    return n;
  }

  /**
   * The number that makes a task name unique: "worker" is ("worker", 0), then "worker-2" is
   * ("worker", 2)...; the base "Task" (no name) always gets a number: "Task-1". The task builds
   * the string only when it is needed.
   */
  taskNameNumber(base: string): number {
    if (base === 'Task') return this.nextSerial('Task');
    // Tasks are mostly made in runs of the same name: the last name's count skips the Map.
    if (base === this.lastNameBase) return ++this.lastNameCount;
    if (this.lastNameBase !== null) this.nameCounts.set(this.lastNameBase, this.lastNameCount);
    const n = (this.nameCounts.get(base) ?? 0) + 1;
    this.lastNameBase = base;
    this.lastNameCount = n;
    return n === 1 ? 0 : n;
  }
}
