/**
 * Follows one shown task through the trace and records its row: state segments, print and
 * cancellation markers, and how it ended.
 */
import type { TraceEvent } from '../scheduler/trace-events';
import { OUTCOME_MARKER, type CodeLine, type Marker, type Segment, type TaskRow } from './chart-model';
import { ellipsize, formatNumber, formatTime, oneLine } from './format';
import { describeWait, stateAfter, type ChartState } from './states';

/** Longest text kept in a tooltip (prints, results, errors). */
export const TOOLTIP_TEXT_MAX = 300;

/** Shared budget so a print-heavy run still gives a small chart. */
export interface MarkerBudget {
  printsLeft: number;
  droppedPrints: number;
}

/** Options of a tracker. */
export interface RowTrackerOptions {
  showPrints: boolean;
  /** Keep each scheduler step as its own segment instead of merging adjacent running spans. */
  showSteps: boolean;
  budget: MarkerBudget;
  /** The trace's clock, for times in tooltips. */
  clock: 'virtual' | 'real';
  /** Name of another task, for "cancel requested by main". */
  nameOf: (id: number) => string;
  /** Names of a gather's or TaskGroup's children, e.g. "task1, task2" for "gather#1" ('' if unknown). */
  membersOf: (group: string) => string;
}

/** The state machine of one shown task. */
export class RowTracker {
  private state: ChartState | 'done' = 'ready';
  private since: number;
  private detail = 'created, ready to start';
  private steps = 0;
  /** When a blockingSleep() of the running task ends (it runs on afterwards in the same step). */
  private blockedUntil: number | null = null;
  /** When the current sleep's timer is due, read from its "sleep(d)" label. */
  /** The cell line of the await that began the current wait. */
  private at: CodeLine | undefined = undefined;
  private sleepDue: number | null = null;

  constructor(
    readonly row: TaskRow,
    private readonly options: RowTrackerOptions
  ) {
    this.since = row.created;
  }

  /** Applies one event about this task. */
  handle(e: TraceEvent): void {
    if (this.blockedUntil !== null && e.t >= this.blockedUntil) {
      if (this.state === 'blocking') this.enter('running', 'running', this.blockedUntil);
      this.blockedUntil = null;
    }
    if (
      this.sleepDue !== null &&
      this.state === 'sleeping' &&
      isWakeUp(e.type) &&
      e.t > this.sleepDue + 1e-9 * Math.max(1, this.sleepDue)
    ) {
      // The timer was due earlier but the loop was busy (a blocking call): ready, not asleep.
      const due = formatTime(this.sleepDue, this.options.clock);
      this.enter('ready', `ready: ${this.detail} was over at ${due}, but the loop was busy`, this.sleepDue);
    }
    const next = this.state === 'done' ? undefined : stateAfter(this.state, e);
    if (next) this.enter(next, this.detailOf(e, next), e.t);
    switch (e.type) {
      case 'suspended':
        this.at = codePoint(e.cell, e.line);
        this.sleepDue = e.on === 'sleep' ? sleepDue(e.t, e.label) : null;
        break;
      case 'blocking':
        // Recorded when the call starts; the task runs on after it, still in the same step.
        this.blockedUntil = e.t + e.duration;
        break;
      case 'cancel-requested': {
        // Say what the cancellation interrupted: in virtual time that wait may have lasted 0 s.
        const doing = this.state === 'running' || this.state === 'ready' ? '' : `, while ${this.detail}`;
        const from = cancellerOf(e);
        this.mark('cancel requested', e.t, cancelText(e, this.options.nameOf) + doing);
        if (from !== null) this.row.markers[this.row.markers.length - 1].from = from;
        break;
      }
      case 'print':
        this.print(e.t, e.text, codePoint(e.cell, e.line));
        break;
      case 'finished':
        this.close(e.t);
        this.state = 'done';
        this.row.outcome = { outcome: e.outcome, t: e.t, detail: e.detail };
        this.mark(OUTCOME_MARKER[e.outcome], e.t, shorten(e.detail), codePoint(e.cell, e.line));
        break;
    }
  }

  /** Ends the row at `t` when the trace has no end for the task; `note` explains why. */
  finish(t: number, note: string | null): void {
    if (this.state === 'done') return;
    const waitingOn = this.detail;
    this.close(t);
    this.state = 'done';
    if (note !== null) this.mark('unfinished', t, `${note} (${waitingOn})`);
  }

  /** The tooltip text of the state `e` leads to. */
  private detailOf(e: TraceEvent, next: ChartState): string {
    switch (e.type) {
      case 'suspended': {
        const members = e.on === 'gather' || e.on === 'taskgroup' ? this.options.membersOf(e.label) : '';
        const detail = shorten(describeWait(e.on, e.label));
        return members ? `${detail} (${members})` : detail;
      }
      case 'outside-wait-start':
        return shorten(describeWait('outside', e.label));
      case 'blocking':
        return `blockingSleep(${formatNumber(e.duration)}) holds the loop`;
      default:
        return next === 'running' ? 'running' : 'ready to run';
    }
  }

  private enter(state: ChartState, detail: string, t: number): void {
    if (this.state === 'done') return;
    const steps = state === 'running' ? 1 : 0;
    if (state === this.state && detail === this.detail && state !== 'running') return;
    this.close(t);
    this.at = undefined;
    this.state = state;
    this.detail = detail;
    this.since = t;
    this.steps = steps;
  }

  private close(t: number): void {
    if (this.state === 'done') return;
    const end = Math.max(t, this.since);
    const segments = this.row.segments;
    const last = segments[segments.length - 1];
    if (this.state === 'running') {
      if (!this.options.showSteps && last && last.state === 'running' && last.end >= this.since) {
        last.end = end;
        last.steps += this.steps;
        return;
      }
      segments.push({ state: 'running', start: this.since, end, detail: 'running', steps: this.steps });
    } else if (end > this.since || this.state === 'outside') {
      // Zero-length waits (ready and run at the same instant) carry no information, except an
      // outside wait: in virtual time it takes real time but none on the clock, so it stays.
      const segment: Segment = { state: this.state, start: this.since, end, detail: this.detail, steps: 0 };
      if (this.at !== undefined) segment.at = this.at;
      segments.push(segment);
    }
  }

  private print(t: number, text: string, at: CodeLine | undefined): void {
    if (!this.options.showPrints) return;
    const budget = this.options.budget;
    if (budget.printsLeft <= 0) {
      budget.droppedPrints++;
      return;
    }
    budget.printsLeft--;
    this.mark('print', t, shorten(text.replace(/\n$/, '')), at);
  }

  private mark(kind: Marker['kind'], t: number, text: string, at?: CodeLine): void {
    const marker: Marker = { kind, t, text };
    if (at !== undefined) marker.at = at;
    this.row.markers.push(marker);
  }
}

/** The events that end a wait. */
function isWakeUp(type: TraceEvent['type']): boolean {
  return type === 'woken' || type === 'task-ready' || type === 'step-start' || type === 'finished';
}

/** When a sleep that started at `t` is due, from its label "sleep(0.5)" (null if unreadable). */
function sleepDue(t: number, label: string): number | null {
  const match = /^sleep\((\d+(?:\.\d+)?(?:e[-+]?\d+)?)/i.exec(label);
  return match ? t + Number(match[1]) : null;
}

/** The event's cell line, or undefined when it has none. */
function codePoint(cell: string | undefined, line: number | undefined): CodeLine | undefined {
  return cell === undefined || line === undefined ? undefined : { cell, line };
}

type CancelEvent = Extract<TraceEvent, { type: 'cancel-requested' }>;

/** The task that caused a cancellation, when one did (drawn as a line from its row). */
export function cancellerOf(e: CancelEvent): number | null {
  switch (e.cause) {
    case 'propagated':
    case 'task-group':
      return e.causeTask ?? e.by;
    case 'explicit':
    case undefined:
      return e.by;
    default:
      return null;
  }
}

/** Tooltip text for a cancellation request: who or what caused it, and its message. */
export function cancelText(e: CancelEvent, nameOf: (id: number) => string): string {
  const by = e.by === null ? null : nameOf(e.by);
  let who: string;
  switch (e.cause) {
    case 'timeout':
      who = `cancelled by a timeout() deadline (${e.causeLabel ?? 'timeout'})`;
      break;
    case 'wait-for':
      who = `cancelled by the deadline of ${e.causeLabel ?? 'waitFor'}`;
      break;
    case 'task-group':
      who =
        e.causeTask !== undefined
          ? `cancelled by ${e.causeLabel ?? 'its TaskGroup'}: ${nameOf(e.causeTask)} raised`
          : `cancelled by ${e.causeLabel ?? 'its TaskGroup'}`;
      break;
    case 'propagated':
      who =
        e.causeTask !== undefined
          ? `cancel passed on from ${nameOf(e.causeTask)}, which awaited it and was cancelled`
          : 'cancel passed on from the task awaiting it';
      break;
    case 'run-end':
      who = `still running when ${e.causeLabel ?? 'the run'} finished: cancelled by the event loop`;
      break;
    case 'interrupt':
      who = 'interrupted (Interrupt): every task is cancelled';
      break;
    default:
      who = by === null ? 'cancel() by the event loop (not from a task)' : `cancel() by ${by}`;
  }
  return e.message ? `${who}: ${shorten(e.message)}` : who;
}

/** Single-line, length-capped text for tooltips. */
export function shorten(text: string): string {
  return ellipsize(oneLine(text), TOOLTIP_TEXT_MAX);
}
