/** Callbacks queued on the loop (asyncio's Handle and TimerHandle). */

/** Anything the ready queue can run: a Handle, or a Task (which runs its next step). */
export interface Runnable {
  runFromLoop(): void;
}

/** A callback with one argument, queued by callSoon. `cancel()` makes the loop skip it. */
export class Handle implements Runnable {
  cancelled = false;
  constructor(
    readonly callback: (arg: any) => void,
    readonly arg: unknown,
    private readonly onError: (error: unknown, handle: Handle) => void
  ) {}

  /** Marks the handle so the loop skips it (and drops it from the timer heap lazily). */
  cancel(): void {
    this.cancelled = true;
  }

  /** Runs the callback; an exception is reported to the loop, never thrown out of it. */
  runFromLoop(): void {
    if (this.cancelled) return;
    try {
      this.callback(this.arg);
    } catch (error) {
      this.onError(error, this);
    }
  }
}

/** A Handle due at `when`; `seq` breaks ties first-in-first-out (project decision, rule 0.3). */
export class TimerHandle extends Handle {
  /** Set by the heap while the timer is scheduled, so a cancel can be counted. */
  scheduled = true;
  constructor(
    readonly when: number,
    readonly seq: number,
    callback: (arg: any) => void,
    arg: unknown,
    onError: (error: unknown, handle: Handle) => void,
    private readonly onCancel: (timer: TimerHandle) => void
  ) {
    super(callback, arg, onError);
  }

  /** Marks the timer cancelled; it stays in the heap until popped or compacted (lazy deletion). */
  override cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    if (this.scheduled) this.onCancel(this);
  }
}
