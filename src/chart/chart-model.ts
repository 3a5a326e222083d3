/**
 * The chart model: what the trace says, in drawing terms. Built once from a trace, then turned
 * into a Vega-Lite spec and a text timeline, so both always tell the same story.
 */
import type { Outcome, RunEndReason, TaskRole } from '../scheduler/trace-events';
import { STATE_STYLES, type ChartState } from './states';

/** A span shorter than this share of the time axis is drawn as a tick (as a bar it would be sub-pixel). */
export const INSTANT_SHARE = 1 / 300;

/** A span of one state on one row; `start === end` is an instant (a step in virtual time). */
export interface Segment {
  state: ChartState;
  start: number;
  end: number;
  /** What the task did or waited for, e.g. "sleep(3)" or "awaiting task2". */
  detail: string;
  /** Scheduler steps merged into this segment (running segments only). */
  steps: number;
  /** The cell line of the await that began this wait, when known. */
  at?: CodeLine;
}

/** A line of a cell: "In[3]" and 1-based line 4. */
export interface CodeLine {
  cell: string;
  line: number;
}

/** A point marker on a row: a print, a cancellation request, or how the task ended. */
export interface Marker {
  kind: MarkerKind;
  t: number;
  /** The printed text, the result, or the error (already shortened). */
  text: string;
  /** The cell line of the print or the raise, when known. */
  at?: CodeLine;
  /** For a cancel request: the task that caused it (the canceller), when it is a task. */
  from?: number;
}

/** What a marker stands for. */
export type MarkerKind = 'print' | 'cancel requested' | 'returned' | 'raised' | 'cancelled' | 'unfinished';

/** The marker kind that ends a row for each outcome. */
export const OUTCOME_MARKER: Record<Outcome, MarkerKind> = {
  result: 'returned',
  exception: 'raised',
  cancelled: 'cancelled'
};

/** One task's row. */
export interface TaskRow {
  id: number;
  /** Full task name (may be long; labels shorten it). */
  name: string;
  role: TaskRole;
  parent: number | null;
  /** Name of the TaskGroup or gather that owns the task, if any. */
  group?: string;
  created: number;
  /** Nesting depth among the shown rows (0 for top-level rows). */
  depth: number;
  /** The unique, shortened, indented label on the y axis. */
  label: string;
  /** The same label for the text timeline (plain spaces for indentation). */
  textLabel: string;
  segments: Segment[];
  markers: Marker[];
  /** How it ended, or undefined when the trace has no end for it. */
  outcome?: { outcome: Outcome; t: number; detail: string };
}

/** Time-binned totals for the tasks beyond the row limit. */
export interface SummaryBin {
  start: number;
  end: number;
  /** Task-seconds spent in each state within the bin. */
  time: Partial<Record<ChartState, number>>;
  steps: number;
  finished: number;
}

/** The aggregated "+N more tasks" row. */
export interface SummaryRow {
  count: number;
  label: string;
  bins: SummaryBin[];
  outcomes: Record<Outcome, number>;
}

/** Facts about the whole run, for the title and the text header. */
export interface RunFacts {
  clock: 'virtual' | 'real';
  /** Clock time at the end of the run (seconds). */
  endTime: number;
  steps: number | null;
  /** How the run ended; 'running' for a live chart of a run still going (src/runtime/progress-emitter.ts). */
  reason: RunEndReason | 'running' | null;
  /** The run-end message (deadlock, budget, failure), one entry per line, already shortened. */
  message?: string[];
  /** Tasks the chart counts (every task except a left-out cell body). */
  taskCount: number;
  truncated: boolean;
  /** Clock time of the trace-cap marker, when the trace was cut. */
  truncatedAt?: number;
  cap?: number;
  /** Print markers dropped to keep the chart small. */
  droppedPrints: number;
}

/** Everything the spec and the text timeline need. */
export interface ChartModel {
  run: RunFacts;
  rows: TaskRow[];
  summary?: SummaryRow;
}

/** The state the aggregated tasks spent most task-seconds in (running if only instants). */
export function dominantState(bin: SummaryBin): ChartState {
  let best: ChartState = 'running';
  let most = 0;
  for (const { state } of STATE_STYLES) {
    const v = bin.time[state] ?? 0;
    if (v > most) [best, most] = [state, v];
  }
  return best;
}
