/**
 * Decides when the process hosting a runtime frame has died. The page sends the frame a ping at
 * every tick; the frame's page answers at once (its own thread is free even while the worker it
 * hosts runs synchronous code), and so does every message the worker relays. No web API tells a
 * page that an out-of-process iframe crashed, so silence is the only sign: the frame is dead when
 * a ping has gone unanswered for `limitMs` and nothing else came meanwhile. Ticks may come late
 * (a background tab's timers are throttled to once a minute): only silence after a ping counts,
 * never a gap between ticks.
 */
export class FrameLiveness {
  private lastHeard: number;
  private pingSentAt: number | null = null;

  /** `limitMs`: how long a ping may go unanswered; `now`: the time the frame said it was up. */
  constructor(
    private readonly limitMs: number,
    now: number
  ) {
    if (!(Number.isFinite(limitMs) && limitMs > 0)) {
      throw new TypeError(`FrameLiveness: limitMs must be a finite number > 0, got ${limitMs}`);
    }
    this.lastHeard = now;
  }

  /** Anything came from the frame (a pong or a relayed message). */
  heard(now: number): void {
    this.lastHeard = now;
    this.pingSentAt = null;
  }

  /** At each tick: 'ping' (send one now), 'wait' (a ping is out, not overdue) or 'dead'. */
  tick(now: number): 'ping' | 'wait' | 'dead' {
    if (this.pingSentAt === null) {
      this.pingSentAt = now;
      return 'ping';
    }
    const overdue = now - this.pingSentAt >= this.limitMs && now - this.lastHeard >= this.limitMs;
    return overdue ? 'dead' : 'wait';
  }
}
