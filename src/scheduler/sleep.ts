import {
  Coroutine,
  SLEEP_FOR,
  SLEEP_ZERO,
  TAIL_YIELD,
  YIELD_ONE_ITERATION,
  currentSleepCounter,
  type SleepCounter
} from './coroutine';
import { Future, PENDING } from './future';
import { RELEASES_CALLER, TIMER_DEAD, TIMER_SCHEDULED } from './future-flags';
import { requireRunningLoop } from './loop-state';
import { checkDelay } from './validate';
import type { EventLoop } from './event-loop';
import type { TimerEntry } from './timer-heap';

const YIELD_RESULT: IteratorResult<unknown, unknown> = Object.freeze({ done: false, value: YIELD_ONE_ITERATION });
const TAIL_YIELD_RESULT: IteratorResult<unknown, unknown> = Object.freeze({ done: false, value: TAIL_YIELD });
const DONE_RESULT: { done: true; value: unknown } = { done: true, value: undefined };

/**
 * The future a sleeping task waits on. It is its own timer entry in the loop's heap (one object
 * instead of a future plus a TimerHandle: sleep is the hot path), it holds the sleep's result,
 * and it is a *tail* future: sleep's coroutine is finished once it hands it out, so the task
 * waits on it directly and sends its result to sleep's caller (see Task._step). Cancelling it
 * cancels its timer, which is what sleep's `finally: h.cancel()` does (docs/scheduler-semantics.md §2.2). Its label
 * ("sleep(3)") is built only when asked for.
 */
export class SleepFuture extends Future<unknown> implements TimerEntry {
  // Its deadline and scheduling order live in the timer heap only (one field and one boxed
  // number less per sleeping task).
  constructor(
    private readonly delay: number,
    value: unknown
  ) {
    super();
    this._result = value;
    this._flags = RELEASES_CALLER;
  }

  override get label(): string {
    return `sleep(${this.delay})`;
  }

  /** @internal true while in the timer heap (a bit of _flags: one field less per sleep). */
  get scheduled(): boolean {
    return (this._flags & TIMER_SCHEDULED) !== 0;
  }
  /** @internal */
  set scheduled(on: boolean) {
    this._flags = on ? this._flags | TIMER_SCHEDULED : this._flags & ~TIMER_SCHEDULED;
  }

  /** @internal true once the timer is cancelled (a bit of _flags). */
  get dead(): boolean {
    return (this._flags & TIMER_DEAD) !== 0;
  }
  /** @internal */
  set dead(on: boolean) {
    this._flags = on ? this._flags | TIMER_DEAD : this._flags & ~TIMER_DEAD;
  }

  /** The timer fired: asyncio's futures._set_result_unless_cancelled, with sleep's result. */
  runFromLoop(): void {
    if (!this.dead && this._state === PENDING) this.setResult(this._result);
  }

  /** Cancelling the sleep drops its timer (lazily, like TimerHandle.cancel). */
  override cancel(msg?: string): boolean {
    const cancelled = super.cancel(msg);
    if (cancelled) this.cancelTimer();
    return cancelled;
  }

  private cancelTimer(): void {
    if (this.dead) return;
    this.dead = true;
    if (this.scheduled) (this._loop as EventLoop).countCancelledTimer();
  }
}
(SleepFuture.prototype as { waitKind: string }).waitKind = 'sleep';

/**
 * sleep's coroutine, written by hand because it is on the hot path (no generator, no body
 * object). On its first step it finishes at once by handing the task what to wait for: a delay
 * <= 0 yields one iteration (docs/scheduler-semantics.md §2.1), otherwise a SleepFuture that a timer completes at
 * `now + delay` (docs/scheduler-semantics.md §2.2). The task resumes sleep's caller directly afterwards.
 */
/** SleepCoroutine states: not stepped yet; handed out what to wait for; finished. */
const NOT_STARTED = 0;
const WAITING = 1;
const FINISHED = 2;

export class SleepCoroutine<T> extends Coroutine<T> {
  private state: typeof NOT_STARTED | typeof WAITING | typeof FINISHED = NOT_STARTED;
  /** The loop's counter this sleep was counted in (see SleepCounter). */
  private readonly counter: SleepCounter | null;
  constructor(
    private readonly delay: number,
    private readonly value: T
  ) {
    super('sleep', false);
    const counter = currentSleepCounter();
    if (counter !== null) counter.created++;
    this.counter = counter;
  }

  override send(): IteratorResult<unknown, unknown> {
    if (this.state === NOT_STARTED) {
      this.state = WAITING;
      if (this.counter !== null) this.counter.started++;
      if (this.delay <= 0) return this.value === undefined ? TAIL_YIELD_RESULT : YIELD_RESULT;
      return { done: false, value: startSleep(requireRunningLoop('sleep()'), this.delay, this.value) };
    }
    // Only reached after a plain one-iteration yield (sleep(0, value)).
    this.state = FINISHED;
    DONE_RESULT.value = this.value;
    return DONE_RESULT;
  }

  /**
   * @internal the task's fast path for `await sleep(0)`, called instead of the first send (the
   * task has marked it started): true when it finished by giving up one iteration, which the task
   * does without putting it on its stack; false when it must be stepped as usual.
   */
  finishByYield(): boolean {
    if (this.delay > 0 || this.value !== undefined) return false;
    this.state = FINISHED;
    if (this.counter !== null) this.counter.started++;
    return true;
  }

  override throwInto(error: unknown): IteratorResult<unknown, unknown> {
    if (this.state === NOT_STARTED && this.counter !== null) this.counter.started++;
    this.state = FINISHED;
    throw error;
  }

  override close(): void {
    if (this.state === NOT_STARTED && this.counter !== null) this.counter.started++;
    this.started = true;
    this.state = FINISHED;
  }
}

/** The delay of the last compiled `await sleep(d)`, kept by sleepFor for the task (see SLEEP_FOR). */
let markedDelay = 0;

/**
 * @internal compiled `await sleep(d)` (see the compiler's direct-sleep transform): checks `d`
 * exactly as sleep() does, then gives the marker the task acts on instead of a coroutine. The task
 * reads the delay at once: nothing runs between this call and the yield that hands it the marker.
 */
export function sleepFor(delay: number): symbol {
  checkDelay('sleep()', 'delay', delay);
  if (delay <= 0) return SLEEP_ZERO;
  markedDelay = delay;
  return SLEEP_FOR;
}

/** @internal the delay of the SLEEP_FOR the task has just been handed. */
export function markedSleepDelay(): number {
  return markedDelay;
}

/** @internal what sleep's first step does for a delay > 0: its future, with its timer started. */
export function startSleep<T>(loop: EventLoop, delay: number, value: T): SleepFuture {
  const future = new SleepFuture(delay, value);
  loop.addTimer(future, loop.time() + delay);
  return future;
}

/**
 * `sleep` — `asyncio.sleep`: a coroutine that waits `delay` seconds (virtual or real, as the cell's
 * clock) and then returns `result`. `await sleep(0)` just lets the other ready tasks run once.
 * @example await sleep(1.5); const v = await sleep(1, 'done');
 */
export function sleep<T = undefined>(delay: number, result?: T): Coroutine<T> {
  checkDelay('sleep()', 'delay', delay);
  return new SleepCoroutine<T>(delay, result as T);
}
