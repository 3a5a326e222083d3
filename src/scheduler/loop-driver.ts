import { setCoroutineTracking } from './coroutine';
import { setRunningLoop } from './loop-state';
import type { EventLoop } from './event-loop';

/** Why the driver could not go on. */
export type StuckReason = 'deadlock' | 'step-budget' | 'wall-budget' | 'time-budget';

/** What the driver drives towards; the runner switches goals between phases. */
export interface DriverGoal {
  /** Checked after every iteration: true when the goal is reached (or nothing more to do). */
  reached(): boolean;
  /** Called once `reached()` is true; may set a new goal or call `driver.finish()`. */
  onReached(): void;
  /** Called when the loop cannot go on; may set a new goal or call `driver.finish()`. */
  onStuck(reason: StuckReason): void;
  /** Called when the scheduler itself failed (a bug): the run must end with this error. */
  onInternalError(error: unknown): void;
}

/** Wall-clock milliseconds the driver runs before letting the JS event loop in (interrupts). */
const SLICE_MS = 50;

/** The clock is read every 256 iterations, or after this many steps (iterations can be long). */
const STEPS_BETWEEN_CLOCK_READS = 16_384;

/**
 * Runs `fn` as soon as the host has handled its pending events: setImmediate in Node; a
 * MessageChannel in a Web Worker (setTimeout(0) is clamped to 4 ms there); setTimeout otherwise.
 */
const yieldToHost: (fn: () => void) => void = makeYieldToHost();

function makeYieldToHost(): (fn: () => void) => void {
  if (typeof setImmediate === 'function') return fn => void setImmediate(fn);
  if (typeof MessageChannel === 'function') {
    const queue: (() => void)[] = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const fn = queue.shift();
      if (fn) fn();
    };
    return fn => {
      queue.push(fn);
      channel.port2.postMessage(null);
    };
  }
  return fn => void setTimeout(fn, 0);
}

/**
 * Runs the loop. On the virtual clock it runs synchronously in a `while` loop and never needs
 * the JS event loop, unless an outside promise is pending. It lets the JS event loop in only to
 * wait for real time (real clock), for outside promises, or every SLICE_MS of busy running, so
 * an interrupt can arrive. Budgets and deadlock are detected here.
 */
export class LoopDriver {
  maxSteps: number;
  maxTime: number;
  /** Real milliseconds of running (not waiting) the run may use; Infinity for no limit. */
  maxBusyMs: number;
  /** Real milliseconds spent running so far (parked time excluded). */
  busyMs = 0;
  goal: DriverGoal | null = null;
  finished = false;
  private running = false;
  private parkedTimer: ReturnType<typeof setTimeout> | null = null;
  private parked = false;

  constructor(
    readonly loop: EventLoop,
    maxSteps: number,
    maxTime: number,
    maxBusyMs = Infinity
  ) {
    this.maxSteps = maxSteps;
    this.maxTime = maxTime;
    this.maxBusyMs = maxBusyMs;
    loop.onOutsideSettled = () => this.wake();
  }

  /** Stops driving for good. */
  finish(): void {
    this.finished = true;
    this.unpark();
    this.loop.onOutsideSettled = null;
  }

  /** Resumes a parked driver now (an outside promise settled, or an interrupt). */
  wake(): void {
    if (this.parked && !this.running) {
      this.unpark();
      this.drive();
    }
  }

  /** Runs iterations until the goal is reached, the run finishes, or it must wait. */
  drive(): void {
    if (this.running || this.finished) return;
    this.running = true;
    this.parked = false;
    const loop = this.loop;
    const previousLoop = setRunningLoop(loop);
    const previousTracking = setCoroutineTracking(loop.coroutineTracking);
    const sliceStart = performance.now();
    /** Busy time is counted up to here. */
    let counted = sliceStart;
    let iterations = 0;
    let readClockAt = loop.steps + STEPS_BETWEEN_CLOCK_READS;
    try {
      while (!this.finished) {
        const goal = this.goal as DriverGoal;
        if (goal.reached()) {
          goal.onReached();
          continue;
        }
        if (loop.steps >= this.maxSteps) {
          goal.onStuck('step-budget');
          continue;
        }
        if (loop.ready.length === 0) {
          loop.dropCancelledTimers();
          if (loop.timers.size > 0) {
            if (loop.clock.kind === 'virtual') {
              if (loop.timers.peekWhen() > this.maxTime) {
                goal.onStuck('time-budget');
                continue;
              }
            } else {
              const wait = loop.timers.peekWhen() - loop.clock.now();
              if (wait > 0) {
                this.park(wait);
                return;
              }
            }
          } else if (loop.outsidePending > 0) {
            this.park(null);
            return;
          } else {
            goal.onStuck('deadlock');
            continue;
          }
        }
        loop.runOnce();
        if ((++iterations & 255) === 0 || loop.steps >= readClockAt) {
          readClockAt = loop.steps + STEPS_BETWEEN_CLOCK_READS;
          const now = performance.now();
          this.busyMs += now - counted;
          counted = now;
          if (this.busyMs > this.maxBusyMs) {
            // The step budget's other half: running this long without finishing is a runaway.
            this.maxBusyMs = Infinity;
            goal.onStuck('wall-budget');
            continue;
          }
          if (now - sliceStart > SLICE_MS) {
            this.park(0);
            return;
          }
        }
      }
    } catch (error) {
      // Never leave a run hanging or throw out of a timer callback: end it with the error.
      const goal = this.goal;
      this.finished = true;
      if (goal !== null) goal.onInternalError(error);
    } finally {
      this.busyMs += performance.now() - counted;
      this.running = false;
      setCoroutineTracking(previousTracking);
      setRunningLoop(previousLoop);
    }
  }

  private park(seconds: number | null): void {
    this.parked = true;
    if (seconds === null) return;
    const resume = (): void => {
      this.parkedTimer = null;
      this.wake();
    };
    if (seconds === 0) yieldToHost(resume);
    else this.parkedTimer = setTimeout(resume, Math.max(1, Math.ceil(seconds * 1000)));
  }

  private unpark(): void {
    if (this.parkedTimer !== null) {
      clearTimeout(this.parkedTimer);
      this.parkedTimer = null;
    }
  }
}
