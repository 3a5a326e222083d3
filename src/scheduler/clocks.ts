/** The loop's clocks: virtual (autojump, exact, starts at 0) and real (performance.now()). */

/** A clock in seconds. */
export interface Clock {
  readonly kind: 'virtual' | 'real';
  /** Seconds since the run started. */
  now(): number;
  /** Virtual clock only: jump forward to `time` (never backwards). */
  advanceTo(time: number): void;
}

/** Starts at 0 and only moves when the loop jumps it to the next timer (trio's autojump). */
export class VirtualClock implements Clock {
  readonly kind = 'virtual' as const;
  private time = 0;
  now(): number {
    return this.time;
  }
  advanceTo(time: number): void {
    if (time > this.time) this.time = time;
  }
}

/** Real seconds since the clock was created; waiting takes real time. */
export class RealClock implements Clock {
  readonly kind = 'real' as const;
  private readonly origin = performance.now();
  now(): number {
    return (performance.now() - this.origin) / 1000;
  }
  advanceTo(): void {
    // Real time cannot be moved; the loop waits instead.
  }
}

/** Makes the clock for a run. */
export function createClock(kind: 'virtual' | 'real'): Clock {
  return kind === 'real' ? new RealClock() : new VirtualClock();
}
