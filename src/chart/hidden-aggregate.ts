/**
 * Sums up the tasks beyond the row limit: for each of a fixed number of time bins, the
 * task-seconds spent in each state, the steps run and the tasks that finished. Constant work
 * per event and a few bytes per task, so a million tasks stay cheap.
 */
import type { Outcome, TraceEvent } from '../scheduler/trace-events';
import type { SummaryBin } from './chart-model';
import { STATE_STYLES, stateAfter, type ChartState } from './states';

const STATES: ChartState[] = STATE_STYLES.map(s => s.state);
const NONE = 255;
/** The state code of each state (its index in STATES), kept in a Uint8Array per task. */
const CODE = Object.fromEntries(STATES.map((state, i) => [state, i])) as Record<ChartState, number>;

/** Default number of time bins of the summary row. */
export const SUMMARY_BINS = 80;

/** Accumulates the aggregated tasks' states over time. */
export class HiddenAggregate {
  /** Current state code per task id (NONE when not alive or not aggregated). */
  private readonly state: Uint8Array;
  private readonly since: Float64Array;
  private readonly bins: number;
  private readonly width: number;
  /** Partial-bin task-seconds, [bin * states + state]. */
  private readonly partial: Float64Array;
  /** Difference array of whole bins covered, [bin * states + state]. */
  private readonly whole: Float64Array;
  private readonly steps: Float64Array;
  private readonly finishedIn: Float64Array;
  readonly outcomes: Record<Outcome, number> = { result: 0, exception: 0, cancelled: 0 };

  /**
   * Task ids are 0..n-1 in creation order (the trace contract), so per-task state lives in
   * arrays indexed by id; a trace with absurd ids gets at most 2n + 1024 slots (the rest is ignored).
   */
  constructor(
    maxId: number,
    createdCount: number,
    private readonly endTime: number,
    bins = SUMMARY_BINS
  ) {
    const slots = Math.max(0, Math.min(maxId + 1, 2 * createdCount + 1024));
    this.state = new Uint8Array(slots).fill(NONE);
    this.since = new Float64Array(slots);
    this.bins = endTime > 0 ? bins : 1;
    this.width = endTime > 0 ? endTime / this.bins : 0;
    this.partial = new Float64Array(this.bins * STATES.length);
    this.whole = new Float64Array((this.bins + 1) * STATES.length);
    this.steps = new Float64Array(this.bins);
    this.finishedIn = new Float64Array(this.bins);
  }

  /** Applies one event about an aggregated task. */
  handle(e: TraceEvent): void {
    if (!('task' in e) || e.task === null || e.task < 0 || e.task >= this.state.length) return;
    const id = e.task;
    const current = this.state[id];
    const next = stateAfter(current === NONE ? null : STATES[current], e);
    if (next !== undefined) this.enter(id, next === null ? NONE : CODE[next], e.t);
    if (e.type === 'step-start') {
      this.steps[this.binOf(e.t)]++;
    } else if (e.type === 'finished') {
      this.finishedIn[this.binOf(e.t)]++;
      this.outcomes[e.outcome]++;
    }
  }

  /** Closes every still-open state at `t` and returns the non-empty bins. */
  finish(t: number): SummaryBin[] {
    for (let id = 0; id < this.state.length; id++) {
      if (this.state[id] !== NONE) this.enter(id, NONE, t);
    }
    const result: SummaryBin[] = [];
    const running = new Float64Array(STATES.length);
    for (let b = 0; b < this.bins; b++) {
      const time: SummaryBin['time'] = {};
      let any = this.steps[b] > 0 || this.finishedIn[b] > 0;
      for (let s = 0; s < STATES.length; s++) {
        running[s] += this.whole[b * STATES.length + s];
        const total = this.partial[b * STATES.length + s] + running[s] * this.width;
        if (total > 1e-12) {
          time[STATES[s]] = total;
          any = true;
        }
      }
      if (any) {
        const start = b * this.width;
        result.push({ start, end: start + this.width, time, steps: this.steps[b], finished: this.finishedIn[b] });
      }
    }
    return result;
  }

  private enter(id: number, next: number, t: number): void {
    const current = this.state[id];
    if (current === next) return;
    if (current !== NONE) this.addSpan(current, this.since[id], t);
    this.state[id] = next;
    this.since[id] = t;
  }

  private binOf(t: number): number {
    if (this.width <= 0) return 0;
    return Math.min(this.bins - 1, Math.max(0, Math.floor(t / this.width)));
  }

  /** Adds [a, b) of one state in O(1): partial end bins directly, whole bins via differences. */
  private addSpan(state: number, a: number, b: number): void {
    const from = Math.max(0, a);
    const to = Math.min(this.endTime, b);
    if (!(to > from)) return;
    const n = STATES.length;
    const first = this.binOf(from);
    const last = this.binOf(to);
    if (first === last) {
      this.partial[first * n + state] += to - from;
      return;
    }
    this.partial[first * n + state] += (first + 1) * this.width - from;
    this.partial[last * n + state] += to - last * this.width;
    this.whole[(first + 1) * n + state] += 1;
    this.whole[last * n + state] -= 1;
  }
}
