/**
 * First pass over a trace: counts tasks, finds the end of the run, picks the tasks that get
 * their own row, and decides whether the cell body's row is left out. Linear, keeps only the
 * chosen rows' creation events.
 */
import type { RunEndReason, Trace, TraceEvent } from '../scheduler/trace-events';

/** A task-created event. */
export type CreatedEvent = Extract<TraceEvent, { type: 'task-created' }>;

/** What the first pass found. */
export interface TraceScan {
  /** All tasks created, including a cell body that is left out. */
  createdCount: number;
  /** Largest task id seen (for sizing per-task arrays of the aggregated tasks). */
  maxId: number;
  /** Creation events of the tasks that get their own row, in creation order. */
  shown: CreatedEvent[];
  /** The cell body's task id when its row is left out. */
  hiddenCell: number | null;
  endTime: number;
  runEnd?: { steps: number; reason: RunEndReason; message?: string; t: number };
  truncation?: { t: number; cap: number };
}

/** Scans `trace` once; `rowLimit` is how many tasks get their own row. */
export function scanTrace(trace: Trace, rowLimit: number): TraceScan {
  const candidates: CreatedEvent[] = [];
  let createdCount = 0;
  let maxId = -1;
  let lastT = 0;
  let runEnd: TraceScan['runEnd'];
  let truncation: TraceScan['truncation'];
  // Facts about the cell body (role 'cell'): is it a plain "define and start roots" body?
  let cell: number | null = null;
  let cellSteps = 0;
  let cellSuspended = false;
  let cellPrinted = false;
  let cellReturned = false;

  for (const e of trace.events) {
    if (Number.isFinite(e.t) && e.t > lastT) lastT = e.t;
    switch (e.type) {
      case 'task-created':
        createdCount++;
        if (e.task > maxId) maxId = e.task;
        // One spare candidate in case the cell body's row is left out.
        if (candidates.length <= rowLimit) candidates.push(e);
        if (e.role === 'cell' && cell === null) cell = e.task;
        break;
      case 'step-start':
        if (e.task === cell) cellSteps++;
        break;
      case 'suspended':
      case 'outside-wait-start':
      case 'blocking':
        if (e.task === cell) cellSuspended = true;
        break;
      case 'print':
        if (e.task === cell) cellPrinted = true;
        break;
      case 'finished':
        if (e.task === cell) cellReturned = e.outcome === 'result';
        break;
      case 'run-end':
        runEnd = { steps: e.steps, reason: e.reason, message: e.message, t: e.t };
        break;
      case 'trace-truncated':
        truncation = { t: e.t, cap: e.cap };
        break;
    }
  }

  // A cell body that finished in its first step without awaiting or printing only
  // defined things and started roots; its row would be an empty line, so it is left out.
  const hideCell =
    cell !== null && createdCount > 1 && cellSteps <= 1 && !cellSuspended && !cellPrinted && cellReturned;
  const hiddenCell = hideCell ? cell : null;
  const shown = candidates.filter(e => e.task !== hiddenCell).slice(0, rowLimit);
  const endTime = Math.max(lastT, runEnd && Number.isFinite(runEnd.t) ? runEnd.t : 0);
  return { createdCount, maxId, shown, hiddenCell, endTime, runEnd, truncation };
}
