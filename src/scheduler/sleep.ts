import { Coroutine, YIELD_ONE_ITERATION, type CoroutineBody } from './coroutine';
import { Future } from './future';
import { requireRunningLoop } from './loop-state';
import { checkDelay } from './validate';
import type { TimerHandle } from './handle';

const YIELD_RESULT: IteratorResult<unknown, unknown> = Object.freeze({ done: false, value: YIELD_ONE_ITERATION });

/** The future a sleeping task waits on; its label ("sleep(3)") is built only when asked for. */
class SleepFuture extends Future<unknown> {
  constructor(private readonly delay: number) {
    super(undefined, 'sleep');
  }
  override get label(): string {
    return `sleep(${this.delay})`;
  }
}

function fire(body: SleepBody): void {
  // asyncio's futures._set_result_unless_cancelled
  const future = body.future as SleepFuture;
  if (!future.cancelled()) future.setResult(undefined);
}

/**
 * sleep's body without a generator (it is on the hot path): a delay <= 0 yields one iteration
 * (rule 2.1); otherwise a future completed by a timer, and the timer is cancelled on the way out
 * as asyncio's `finally: h.cancel()` does (rule 2.2).
 */
class SleepBody implements CoroutineBody {
  private state = 0;
  future: SleepFuture | null = null;
  private timer: TimerHandle | null = null;
  constructor(private readonly delay: number, private readonly value: unknown) {}

  next(): IteratorResult<unknown, unknown> {
    if (this.state === 0) {
      this.state = 1;
      if (this.delay <= 0) return YIELD_RESULT;
      const loop = requireRunningLoop('sleep()');
      this.future = new SleepFuture(this.delay);
      this.timer = loop.callLater(this.delay, fire, this);
      return { done: false, value: this.future };
    }
    this.finish();
    return { done: true, value: this.value };
  }

  throw(error: unknown): IteratorResult<unknown, unknown> {
    this.finish();
    throw error;
  }

  return(value?: unknown): IteratorResult<unknown, unknown> {
    this.finish();
    return { done: true, value };
  }

  private finish(): void {
    this.state = 2;
    if (this.timer !== null) {
      this.timer.cancel();
      this.timer = null;
    }
  }
}

/** `await sleep(d, result?)`: a coroutine that waits `d` seconds and returns `result`. */
export function sleep<T = undefined>(delay: number, result?: T): Coroutine<T> {
  checkDelay('sleep()', 'delay', delay);
  return new Coroutine<T>('sleep', null, undefined, undefined, new SleepBody(delay, result));
}
