/**
 * Follows one shown task through the trace and records its row: state segments, print and
 * cancellation markers, and how it ended.
 */
import type { TraceEvent } from '../scheduler/trace-events';
import { OUTCOME_MARKER, type Marker, type TaskRow } from './chart-model';
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
    if (this.sleepDue !== null && this.state === 'sleeping' && isWakeUp(e.type) && e.t > this.sleepDue + 1e-9 * Math.max(1, this.sleepDue)) {
      // The timer was due earlier but the loop was busy (a blocking call): ready, not asleep.
      const due = formatTime(this.sleepDue, this.options.clock);
      this.enter('ready', `ready: ${this.detail} was over at ${due}, but the loop was busy`, this.sleepDue);
    }
    const next = this.state === 'done' ? undefined : stateAfter(this.state, e);
    if (next) this.enter(next, this.detailOf(e, next), e.t);
    switch (e.type) {
      case 'suspended':
        this.sleepDue = e.on === 'sleep' ? sleepDue(e.t, e.label) : null;
        break;
      case 'blocking':
        // Recorded when the call starts; the task runs on after it, still in the same step.
        this.blockedUntil = e.t + e.duration;
        break;
      case 'cancel-requested': {
        // Say what the cancellation interrupted: in virtual time that wait may have lasted 0 s.
        const doing = this.state === 'running' || this.state === 'ready' ? '' : `, while ${this.detail}`;
        this.mark('cancel requested', e.t, cancelText(e.by === null ? null : this.options.nameOf(e.by), e.message) + doing);
        break;
      }
      case 'print':
        this.print(e.t, e.text);
        break;
      case 'finished':
        this.close(e.t);
        this.state = 'done';
        this.row.outcome = { outcome: e.outcome, t: e.t, detail: e.detail };
        this.mark(OUTCOME_MARKER[e.outcome], e.t, shorten(e.detail));
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
      segments.push({ state: this.state, start: this.since, end, detail: this.detail, steps: 0 });
    }
  }

  private print(t: number, text: string): void {
    if (!this.options.showPrints) return;
    const budget = this.options.budget;
    if (budget.printsLeft <= 0) {
      budget.droppedPrints++;
      return;
    }
    budget.printsLeft--;
    this.mark('print', t, shorten(text.replace(/\n$/, '')));
  }

  private mark(kind: Marker['kind'], t: number, text: string): void {
    this.row.markers.push({ kind, t, text });
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

/** Tooltip text for a cancellation request. */
function cancelText(by: string | null, message: string | undefined): string {
  const who = by === null ? 'cancel() by the event loop (not from a task)' : `cancel() by ${by}`;
  return message ? `${who}: ${shorten(message)}` : who;
}

/** Single-line, length-capped text for tooltips. */
export function shorten(text: string): string {
  return ellipsize(oneLine(text), TOOLTIP_TEXT_MAX);
}
