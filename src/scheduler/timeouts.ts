import { AENTER, AEXIT } from './disposal';
import { CancelledError, RuntimeError, TimeoutError } from './errors';
import { getRunningLoop, requireRunningLoop } from './loop-state';
import { checkFinite, checkOptionalDelay } from './validate';
import type { Handle } from './handle';
import type { Task } from './task';
import { cancelBecause, type CancelCause } from './cancel-cause';

/** "2 s" with at most 3 decimals. */
function formatSeconds(when: number | null): string {
  return when === null ? 'never' : `${Math.round(when * 1000) / 1000} s`;
}

type State = 'created' | 'active' | 'expiring' | 'expired' | 'finished';

/**
 * asyncio.Timeout (3.11 timeouts.py), entered with `await using t = timeout(d)`. At the deadline
 * it cancels the task (docs/scheduler-semantics.md §6.2); on exit it turns that CancelledError into a TimeoutError whose
 * `cause` is the CancelledError, only if no other cancel request is pending (docs/scheduler-semantics.md §6.3).
 */
export class Timeout {
  private state: State = 'created';
  private handler: Handle | null = null;
  private task: Task<unknown> | null = null;
  private cancellingOnEntry = 0;
  private readonly onTimeout = (): void => {
    const task = this.task as Task<unknown>;
    cancelBecause(
      task.getLoop(),
      task,
      this.cause ?? { kind: 'timeout', label: `timeout at ${formatSeconds(this.deadline)}` }
    );
    this.state = 'expiring';
    this.handler = null;
  };

  /** @internal what the trace names as the cause of the cancellation at the deadline. */
  cause: CancelCause | null = null;

  constructor(private deadline: number | null) {}

  /** The deadline on the loop's clock, or null for none. */
  when(): number | null {
    return this.deadline;
  }

  /** True once the deadline passed while the block was running. */
  expired(): boolean {
    return this.state === 'expiring' || this.state === 'expired';
  }

  /** Moves the deadline (null: never); only while the block is active. */
  reschedule(when: number | null): void {
    if (when !== null) checkFinite('Timeout.reschedule()', 'when', when);
    if (this.state !== 'active') throw new RuntimeError(`Cannot change state of ${this.state} Timeout`);
    this.deadline = when;
    if (this.handler !== null) this.handler.cancel();
    if (when === null) {
      this.handler = null;
      return;
    }
    const loop = requireRunningLoop('Timeout.reschedule()');
    this.handler = when <= loop.time() ? loop.callSoon(this.onTimeout) : loop.callAt(when, this.onTimeout);
  }

  /** Enters the block (called by `await using`). */
  [AENTER](): void {
    if (this.state !== 'created') throw new RuntimeError(`Timeout has already been entered`);
    const loop = getRunningLoop();
    const task = loop === null ? null : loop.currentTask;
    if (task === null) throw new RuntimeError('Timeout should be used inside a task');
    this.state = 'active';
    this.task = task;
    this.cancellingOnEntry = task.cancelling();
    this.reschedule(this.deadline);
  }

  /** Leaves the block: converts our own cancellation into TimeoutError. */
  [AEXIT](error: unknown, hasError: boolean): boolean {
    if (this.handler !== null) {
      this.handler.cancel();
      this.handler = null;
    }
    if (this.state === 'expiring') {
      this.state = 'expired';
      const remaining = (this.task as Task<unknown>).uncancel();
      if (remaining <= this.cancellingOnEntry && hasError && error instanceof CancelledError) {
        throw new TimeoutError('', { cause: error });
      }
    } else if (this.state === 'active') {
      this.state = 'finished';
    }
    return false;
  }

  /** CPython's repr: <Timeout [active] when=3>. */
  toString(): string {
    const when =
      this.state === 'active'
        ? ` when=${this.deadline === null ? 'None' : Math.round(this.deadline * 1000) / 1000}`
        : '';
    return `<Timeout [${this.state}]${when}>`;
  }
}

/**
 * `timeout` — `asyncio.timeout` (`async with asyncio.timeout(d)`), written
 * `await using t = timeout(d)`: cancels the enclosing block's work `delay` seconds from now and
 * raises TimeoutError at the end of the block instead. `null`: no deadline (set one later with
 * `t.reschedule(when)`).
 */
export function timeout(delay: number | null): Timeout {
  const d = checkOptionalDelay('timeout()', 'delay', delay);
  return new Timeout(d === null ? null : requireRunningLoop('timeout()').time() + d);
}

/**
 * `timeoutAt` — `asyncio.timeout_at`: like `timeout`, with the deadline given as a loop time
 * (`now() + 2`) instead of a delay; `null`: no deadline.
 */
export function timeoutAt(when: number | null): Timeout {
  if (when === null || when === undefined) return new Timeout(null);
  return new Timeout(checkFinite('timeoutAt()', 'when', when));
}
