import type { Trace, TraceEvent } from './trace-events';

/** Default number of events kept per run; later events are dropped (see `TraceRecorder`). */
export const DEFAULT_TRACE_CAP = 200_000;

/**
 * Collects trace events up to `cap`. When the cap is reached, one `trace-truncated` marker is
 * appended and later events are dropped, except `run-end`, which is always kept so the chart
 * knows how the run ended. A disabled recorder keeps nothing; the loop checks `enabled` before
 * building an event, so tracing off costs one branch per event site.
 */
export class TraceRecorder {
  readonly events: TraceEvent[] = [];
  truncated = false;
  /** Number of events dropped after the cap (the first only: the loop stops building them). */
  dropped = 0;

  /** Called once when the cap is reached (the loop then stops building events at all). */
  onFull: (() => void) | null = null;

  constructor(
    readonly enabled: boolean,
    readonly clock: 'virtual' | 'real',
    readonly cap: number = DEFAULT_TRACE_CAP
  ) {}

  /** Appends an event (or counts it as dropped past the cap). */
  push(event: TraceEvent): void {
    if (!this.enabled) return;
    if (this.events.length < this.cap) {
      this.events.push(event);
      return;
    }
    if (!this.truncated) {
      this.truncated = true;
      this.events.push({ type: 'trace-truncated', t: event.t, dropped: 'events-after-cap', cap: this.cap });
      if (this.onFull) this.onFull();
    }
    this.dropped++;
  }

  /** Appends the run-end event even past the cap. */
  pushFinal(event: TraceEvent): void {
    if (this.enabled) this.events.push(event);
  }

  /** The trace handed to the chart builder. */
  toTrace(): Trace {
    return { clock: this.clock, events: this.events, truncated: this.truncated };
  }
}
