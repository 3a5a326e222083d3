import { Coroutine, YIELD_ONE_ITERATION, currentSleepCounter, type SleepCounter } from './coroutine';
import { Future, PENDING } from './future';
import { requireRunningLoop } from './loop-state';
import { checkDelay } from './validate';
import type { EventLoop } from './event-loop';
import type { TimerEntry } from './timer-heap';

const YIELD_RESULT: IteratorResult<unknown, unknown> = Object.freeze({ done: false, value: YIELD_ONE_ITERATION });
const DONE_RESULT: { done: true; value: unknown } = { done: true, value: undefined };

/**
 * The future a sleeping task waits on. It is its own timer entry in the loop's heap (one object
 * instead of a future plus a TimerHandle: sleep is the hot path); its label ("sleep(3)") is
 * built only when asked for.
 */
class SleepFuture extends Future<unknown> implements TimerEntry {
  seq = 0;
  scheduled = false;
  dead = false;
  constructor(readonly when: number, private readonly delay: number) {
    super();
  }

  override get label(): string {
    return `sleep(${this.delay})`;
  }

  /** The timer fired: asyncio's futures._set_result_unless_cancelled. */
  runFromLoop(): void {
    if (!this.dead && this._state === PENDING) this.setResult(undefined);
  }

  /** The sleep is over or interrupted: drop the timer (lazily, like TimerHandle.cancel). */
  cancelTimer(): void {
    if (this.dead) return;
    this.dead = true;
    if (this.scheduled) (this._loop as EventLoop).countCancelledTimer();
  }
}

/**
 * sleep's coroutine, written by hand because it is on the hot path (no generator, no body
 * object): a delay <= 0 yields one iteration (rule 2.1); otherwise it waits on a future that a
 * timer completes, and cancels the timer on the way out as asyncio's `finally: h.cancel()`
 * does (rule 2.2).
 */
class SleepCoroutine<T> extends Coroutine<T> {
  private state = 0;
  private future: SleepFuture | null = null;
  /** The loop's counter this sleep was counted in (see SleepCounter). */
  private readonly counter: SleepCounter | null;
  constructor(private readonly delay: number, private readonly value: T) {
    super('sleep', false);
    const counter = currentSleepCounter();
    if (counter !== null) counter.created++;
    this.counter = counter;
  }

  override send(): IteratorResult<unknown, unknown> {
    if (this.state === 0) {
      this.state = 1;
      if (this.counter !== null) this.counter.started++;
      if (this.delay <= 0) return YIELD_RESULT;
      const loop = requireRunningLoop('sleep()');
      const future = new SleepFuture(loop.time() + this.delay, this.delay);
      loop.addTimer(future);
      this.future = future;
      return { done: false, value: future };
    }
    this.finish();
    // One shared result object: the task reads it at once, before anything else can step.
    DONE_RESULT.value = this.value;
    return DONE_RESULT;
  }

  override throwInto(error: unknown): IteratorResult<unknown, unknown> {
    this.finish();
    throw error;
  }

  override close(): void {
    this.started = true;
    this.finish();
  }

  private finish(): void {
    if (this.state === 0 && this.counter !== null) this.counter.started++;
    this.state = 2;
    if (this.future !== null) {
      this.future.cancelTimer();
      this.future = null;
    }
  }
}

(SleepFuture.prototype as { waitKind: string }).waitKind = 'sleep';

/** `await sleep(d, result?)`: a coroutine that waits `d` seconds and returns `result`. */
export function sleep<T = undefined>(delay: number, result?: T): Coroutine<T> {
  checkDelay('sleep()', 'delay', delay);
  return new SleepCoroutine<T>(delay, result as T);
}
