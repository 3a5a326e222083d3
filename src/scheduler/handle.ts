/** Callbacks queued on the loop (asyncio's Handle and TimerHandle). */
import type { TimerEntry } from './timer-heap';

/** Anything the ready queue can run: a Handle, or a Task (which runs its next step). */
export interface Runnable {
  runFromLoop(): void;
}

/** What a handle needs from its loop (kept as one reference to keep handles small). */
export interface HandleOwner {
  reportHandleError(error: unknown, handle: Handle): void;
  countCancelledTimer(): void;
}

/** A callback with one argument, queued by callSoon. `cancel()` makes the loop skip it. */
export class Handle implements Runnable {
  /** @internal set by cancel(): the loop skips the handle. */
  dead = false;
  constructor(
    readonly callback: (arg: any) => void,
    readonly arg: unknown,
    protected readonly owner: HandleOwner
  ) {}

  /** Marks the handle so the loop skips it. */
  cancel(): void {
    this.dead = true;
  }

  /** True once cancelled. */
  cancelled(): boolean {
    return this.dead;
  }

  /** Runs the callback; an exception is reported to the loop, never thrown out of it. */
  runFromLoop(): void {
    if (this.dead) return;
    try {
      this.callback(this.arg);
    } catch (error) {
      this.owner.reportHandleError(error, this);
    }
  }
}

/**
 * A Handle due at `when`; equal deadlines run first-in-first-out (project decision,
 * docs/scheduler-semantics.md §0.3).
 */
export class TimerHandle extends Handle implements TimerEntry {
  /** @internal true while the timer is in the heap, so a cancel can be counted for compaction. */
  scheduled = true;
  constructor(
    readonly when: number,
    callback: (arg: any) => void,
    arg: unknown,
    owner: HandleOwner
  ) {
    super(callback, arg, owner);
  }

  /** Marks the timer cancelled; it stays in the heap until popped or compacted (lazy deletion). */
  override cancel(): void {
    if (this.dead) return;
    this.dead = true;
    if (this.scheduled) this.owner.countCancelledTimer();
  }
}
