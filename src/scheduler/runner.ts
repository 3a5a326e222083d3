import { Coroutine } from './coroutine';
import { BudgetExceededError, CancelledError, DeadlockError, KeyboardInterrupt, describeError } from './errors';
import { EventLoop, type RootSubmitter } from './event-loop';
import { Future } from './future';
import { gather } from './gather';
import { setRunningLoop } from './loop-state';
import { LoopDriver, type DriverGoal, type StuckReason } from './loop-driver';
import { addEndOfRunWarnings, describeDeadlock } from './run-report';
import { Task } from './task';
import { cancelBecause } from './cancel-cause';
import type { LoopOptions, RunReport } from './run-options';
import type { RunEndReason, TaskRole } from './trace-events';

/**
 * The step budget (see README "Budgets"): a run stops with BudgetExceededError after
 * DEFAULT_MAX_STEPS steps or, on the virtual clock, after DEFAULT_MAX_WALL_TIME seconds of real
 * time spent running, whichever comes first. Legitimate cells of millions of steps finish in a
 * second or two; `while (true) await sleep(0)` is stopped after a few seconds on any machine.
 */
export const DEFAULT_MAX_STEPS = 100_000_000;
/** Seconds of real running time (waits excluded) a virtual-clock run may use by default. */
export const DEFAULT_MAX_WALL_TIME = 8;

/** Extra steps allowed after a stop, so cancelled tasks can run their cleanup. */
const CLEANUP_STEPS = 10_000;

interface RootEntry {
  coro: Coroutine<unknown>;
  future: Future<unknown>;
  parent: Task<unknown> | null;
}

/**
 * One run: the main task, the roots started with run() (one after another), then the leftover
 * tasks cancelled and awaited (docs/scheduler-semantics.md §0.6), then the report.
 */
export class Runner<T> implements RootSubmitter {
  readonly loop: EventLoop;
  readonly driver: LoopDriver;
  readonly done: Promise<RunReport<T>>;
  private main!: Task<T>;
  private mainSeenDone = false;
  private readonly queuedRoots: RootEntry[] = [];
  private activeRoot: RootEntry | null = null;
  private readonly rootFutures: Future<unknown>[] = [];
  private stopReason: RunEndReason | null = null;
  private stopError: unknown = undefined;
  private ended = false;
  private cleanupDone = false;
  private leftovers: Task<unknown>[] = [];
  private resolve!: (report: RunReport<T>) => void;

  private readonly mainGoal: DriverGoal = {
    reached: () => this.mainSeenDone && this.activeRoot === null && this.queuedRoots.length === 0,
    onReached: () => this.startCleanup(),
    onStuck: reason => {
      this.recordStuck(reason);
      this.startCleanup();
    },
    onInternalError: error => this.failInternally(error)
  };

  private readonly cleanupGoal: DriverGoal = {
    reached: () => this.cleanupDone,
    onReached: () => this.end(),
    onStuck: reason => {
      if (this.stopReason === null) this.recordStuck(reason);
      this.end();
    },
    onInternalError: error => this.failInternally(error)
  };

  constructor(options: LoopOptions) {
    this.loop = new EventLoop(options);
    this.loop.roots = this;
    this.driver = new LoopDriver(
      this.loop,
      options.maxSteps ?? DEFAULT_MAX_STEPS,
      options.maxVirtualTime ?? 86_400,
      (options.maxWallTime ?? (options.clock === 'virtual' ? DEFAULT_MAX_WALL_TIME : Infinity)) * 1000
    );
    this.done = new Promise(resolve => (this.resolve = resolve));
  }

  start(coro: Coroutine<T>, role: TaskRole, name: string | undefined): void {
    const previous = setRunningLoop(this.loop);
    try {
      this.main = new Task<T>(this.loop, coro, { role, name, parent: null });
    } finally {
      setRunningLoop(previous);
    }
    this.main._addCallback(() => (this.mainSeenDone = true));
    this.driver.goal = this.mainGoal;
    this.driver.drive();
  }

  /** run() inside the loop: a root that starts once the earlier roots are finished. */
  submitRoot(coro: Coroutine<unknown>): Future<unknown> {
    const future = new Future<unknown>(coro.name, 'task');
    this.rootFutures.push(future);
    const entry: RootEntry = { coro, future, parent: this.loop.currentTask };
    if (this.activeRoot === null && this.queuedRoots.length === 0) this.startRoot(entry);
    else this.queuedRoots.push(entry);
    return future;
  }

  private startRoot(entry: RootEntry): void {
    this.activeRoot = entry;
    const task = new Task<unknown>(this.loop, entry.coro, { role: 'root', parent: entry.parent });
    entry.future.label = task.getName();
    task._addCallback(() => this.onRootDone(entry, task));
  }

  /** Like asyncio.run's end: cancel what the root left running, wait for it, then settle. */
  private onRootDone(entry: RootEntry, task: Task<unknown>): void {
    const leftovers = [...this.loop.liveTasks].filter(t => t.root === task);
    if (leftovers.length === 0) {
      this.settleRoot(entry, task);
      return;
    }
    this.cancelLeftovers(leftovers, `run(${task.getName()})`);
    gather(leftovers, { returnExceptions: true })._addCallback(() => {
      this.reportShutdownErrors(leftovers);
      this.settleRoot(entry, task);
    });
  }

  private settleRoot(entry: RootEntry, task: Task<unknown>): void {
    const future = entry.future;
    if (!future.done()) {
      if (task.cancelled()) future.cancel();
      else if (task._hasException) future.setException(task.exception());
      else future.setResult(task.result());
    }
    this.activeRoot = null;
    const next = this.queuedRoots.shift();
    if (next !== undefined) this.startRoot(next);
  }

  private cancelLeftovers(tasks: Task<unknown>[], when: string): void {
    const cause = { kind: 'run-end' as const, label: when };
    for (const task of tasks) {
      this.loop.warn(
        `Task '${task.getName()}' was still pending when ${when} finished; it was cancelled`,
        undefined,
        task
      );
      cancelBecause(this.loop, task, cause);
    }
  }

  private reportShutdownErrors(tasks: Task<unknown>[]): void {
    for (const task of tasks) {
      if (task.done() && !task.cancelled() && task._hasException) {
        task._logTraceback = false;
        this.loop.warn(
          `unhandled exception during shutdown: task '${task.getName()}' raised ${describeError(task._exception)}`,
          task._exception,
          task
        );
      }
    }
  }

  private startCleanup(): void {
    this.driver.goal = this.cleanupGoal;
    this.driver.maxSteps = this.loop.steps + CLEANUP_STEPS;
    this.driver.maxBusyMs = Infinity; // the cleanup is bounded by its steps
    this.driver.maxTime = Math.max(this.driver.maxTime, this.loop.time() + 60);
    for (const entry of this.queuedRoots.splice(0)) {
      entry.future.cancel();
      entry.coro.close();
    }
    this.leftovers = [...this.loop.liveTasks];
    if (this.leftovers.length === 0) {
      this.cleanupDone = true;
      return;
    }
    this.cancelLeftovers(this.leftovers, 'the run');
    gather(this.leftovers, { returnExceptions: true })._addCallback(() => (this.cleanupDone = true));
  }

  private recordStuck(reason: StuckReason): void {
    // Both halves of the step budget end the run the same way (reason 'step-budget').
    this.stopReason = reason === 'wall-budget' ? 'step-budget' : reason;
    if (reason === 'deadlock') this.stopError = new DeadlockError(describeDeadlock(this.loop));
    else if (reason === 'step-budget') {
      this.stopError = new BudgetExceededError(
        `the run used its step budget of ${this.driver.maxSteps} steps (maxSteps); is a task looping forever?`
      );
    } else if (reason === 'wall-budget') {
      const seconds = Math.round(this.driver.busyMs / 100) / 10;
      this.stopError = new BudgetExceededError(
        `the run used its step budget: ${this.loop.steps} steps in ${seconds} s of real time (maxWallTime); is a task looping forever?`
      );
    } else {
      const timers = this.loop.timers;
      this.stopError = new BudgetExceededError(
        `the run passed its virtual-time budget of ${this.driver.maxTime} s (maxVirtualTime): ` +
          `the next timer is at ${timers.size > 0 ? timers.peekWhen() : '?'} s`
      );
    }
  }

  /** The scheduler itself threw: end the run at once with that error (reason 'failed'). */
  private failInternally(error: unknown): void {
    if (this.stopReason === null || this.stopReason === 'interrupted') {
      this.stopReason = 'failed';
      this.stopError = error;
    }
    this.loop.warn(`internal scheduler error: ${describeError(error)}`, error);
    this.end();
  }

  /** Cancels every task; a second call ends the run at once, abandoning what still runs. */
  interrupt(reason?: string): void {
    if (this.ended) return;
    if (this.stopReason === 'interrupted') {
      this.end();
      return;
    }
    this.stopReason = 'interrupted';
    this.stopError = new KeyboardInterrupt(reason ?? '');
    for (const entry of this.queuedRoots.splice(0)) {
      entry.future.cancel();
      entry.coro.close();
    }
    const previous = setRunningLoop(this.loop);
    try {
      const cause = { kind: 'interrupt' as const, label: reason ?? 'interrupt' };
      for (const task of [...this.loop.liveTasks]) cancelBecause(this.loop, task, cause, reason);
    } finally {
      setRunningLoop(previous);
    }
    this.driver.wake();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.driver.finish();
    const loop = this.loop;
    this.reportShutdownErrors(this.leftovers);
    for (const task of loop.liveTasks) {
      loop.warn(`Task '${task.getName()}' did not finish after being cancelled; it was abandoned`, undefined, task);
    }
    const main = this.main;
    let status: RunReport<T>['status'] = 'ok';
    let reason: RunEndReason = 'completed';
    let error: unknown = undefined;
    let value: T | undefined = undefined;
    if (this.stopReason !== null) {
      status = this.stopReason === 'interrupted' ? 'interrupted' : 'error';
      reason = this.stopReason;
      error = this.stopError;
    } else if (!main.done()) {
      status = 'error';
      reason = 'failed';
      error = new CancelledError('main task did not finish');
    } else if (main.cancelled()) {
      status = 'error';
      reason = 'failed';
      error = main._cancelledExc ?? new CancelledError(main._cancelMessage);
    } else if (main._hasException) {
      status = 'error';
      reason = 'failed';
      error = main._exception;
    } else {
      value = main._result;
      const failedRoot = this.rootFutures.find(f => f._logTraceback);
      if (failedRoot !== undefined) {
        // A run() nobody awaited failed: that is the cell's error, as asyncio.run would raise it.
        failedRoot._logTraceback = false;
        status = 'error';
        reason = 'failed';
        error = failedRoot._exception;
      }
    }
    main._logTraceback = false;
    addEndOfRunWarnings(loop);
    for (const future of this.rootFutures) {
      if (future._logTraceback) {
        future._logTraceback = false;
        loop.warn(
          `Future exception was never retrieved: run(${future.label}) raised ${describeError(future._exception)}`,
          future._exception
        );
      }
    }
    const warnings = loop.warnings.map(w => w.text);
    const t = loop.time();
    const endEvent: { type: 'run-end'; t: number; steps: number; reason: RunEndReason; message?: string } = {
      type: 'run-end',
      t,
      steps: loop.steps,
      reason
    };
    if (status !== 'ok') endEvent.message = describeError(error);
    loop.trace.pushFinal(endEvent);
    const report: RunReport<T> = {
      status,
      reason,
      warnings,
      warningDetails: loop.warnings,
      trace: loop.trace.toTrace(),
      steps: loop.steps,
      time: t
    };
    if (status === 'ok') report.value = value;
    else report.error = error;
    this.resolve(report);
  }
}
