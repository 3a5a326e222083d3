import { coroutineFrom, type Coroutine } from './coroutine';
import { BrokenBarrierError } from './errors';
import { Condition } from './condition';
import { checkInteger } from './validate';

type BarrierState = 'filling' | 'draining' | 'resetting' | 'broken';

/** asyncio.Barrier (3.11): `parties` tasks wait until all have arrived, then all go on. */
export class Barrier {
  private readonly cond: Condition;
  private state: BarrierState = 'filling';
  private count = 0;
  readonly parties: number;

  constructor(parties: number) {
    checkInteger('Barrier()', 'parties', parties, 1);
    this.parties = parties;
    this.cond = new Condition(undefined, 'Barrier', 'barrier');
  }

  /** Waits for the other parties; resolves to this task's arrival index. */
  wait(): Coroutine<number> {
    return coroutineFrom('Barrier.wait', this.waitBody());
  }

  /** Resets the barrier; tasks waiting get BrokenBarrierError. */
  reset(): Coroutine<void> {
    return coroutineFrom('Barrier.reset', this.resetBody());
  }

  /** Breaks the barrier: current and future waits raise BrokenBarrierError. */
  abort(): Coroutine<void> {
    return coroutineFrom('Barrier.abort', this.abortBody());
  }

  /** Tasks waiting while the barrier fills. */
  get nWaiting(): number {
    return this.state === 'filling' ? this.count : 0;
  }

  /** True once aborted. */
  get broken(): boolean {
    return this.state === 'broken';
  }

  private *withCond<T>(body: () => Generator<unknown, T, unknown>): Generator<unknown, T, unknown> {
    yield this.cond.acquire();
    try {
      return yield* body();
    } finally {
      this.cond.release();
    }
  }

  private *waitBody(): Generator<unknown, number, unknown> {
    return yield* this.withCond(() => this.arrive());
  }

  private *arrive(): Generator<unknown, number, unknown> {
    // Block while the barrier drains or resets.
    yield this.cond.waitFor(() => this.state !== 'draining' && this.state !== 'resetting');
    if (this.state === 'broken') throw new BrokenBarrierError('Barrier aborted');
    try {
      const index = this.count;
      this.count++;
      if (index + 1 === this.parties) {
        this.state = 'draining';
        this.cond.notifyAll();
      } else {
        yield this.cond.waitFor(() => this.state !== 'filling');
        const state = this.state as BarrierState;
        if (state === 'broken' || state === 'resetting') throw new BrokenBarrierError('Abort or reset of barrier');
      }
      return index;
    } finally {
      this.count--;
      if (this.count === 0) {
        if (this.state === 'resetting' || this.state === 'draining') this.state = 'filling';
        this.cond.notifyAll();
      }
    }
  }

  private *resetBody(): Generator<unknown, void, unknown> {
    yield* this.withCond(
      function* (this: Barrier): Generator<unknown, void, unknown> {
        if (this.count > 0) {
          if (this.state !== 'resetting') this.state = 'resetting';
        } else {
          this.state = 'filling';
        }
        this.cond.notifyAll();
      }.bind(this)
    );
  }

  private *abortBody(): Generator<unknown, void, unknown> {
    yield* this.withCond(
      function* (this: Barrier): Generator<unknown, void, unknown> {
        this.state = 'broken';
        this.cond.notifyAll();
      }.bind(this)
    );
  }

  /** CPython-like repr. */
  toString(): string {
    return `<Barrier [${this.state}, waiters:${this.nWaiting}/${this.parties}]>`;
  }
}
