/**
 * Trace -> chart model in two linear passes: a scan that picks the rows, then one walk that
 * feeds each event to its row's tracker or to the summary of the remaining tasks.
 */
import type { ChartOptions } from '../protocol';
import type { Trace } from '../scheduler/trace-events';
import { INSTANT_SHARE, type ChartModel, type SummaryRow, type TaskRow } from './chart-model';
import { capSegments } from './downsample';
import { ellipsize, formatCount, oneLine } from './format';
import { HiddenAggregate } from './hidden-aggregate';
import { orderRows } from './row-order';
import { RowTracker, type MarkerBudget } from './row-tracker';
import { scanTrace, type CreatedEvent } from './trace-scan';

/** Rows never exceed this, whatever rowLimit says: a taller chart is unreadable and heavy. */
export const MAX_ROW_LIMIT = 2_000;
/** Most print markers drawn in one chart (the rest are counted in the subtitle). */
export const MAX_PRINT_MARKERS = 500;
/** Segment budget of the whole chart, shared by the rows. */
const SEGMENT_BUDGET = 6000;

/** The run-end message as at most 8 single lines of at most 200 characters. */
function messageLines(message: string): string[] {
  const lines = message
    .split(/\r?\n/)
    .map(l => ellipsize(oneLine(l.trimEnd()), 200))
    .filter(l => l.trim() !== '');
  return lines.length > 8 ? [...lines.slice(0, 7), `\u2026 (${lines.length - 7} more lines)`] : lines;
}

/** "task1, task2" per group name, from the shown tasks (at most 4 names, then "…"). */
function groupMembers(shown: CreatedEvent[]): Map<string, string> {
  const lists = new Map<string, string[]>();
  for (const e of shown) {
    if (e.group === undefined) continue;
    const list = lists.get(e.group) ?? [];
    list.push(ellipsize(oneLine(e.name), 40));
    lists.set(e.group, list);
  }
  const out = new Map<string, string>();
  for (const [group, list] of lists)
    out.set(group, list.length > 4 ? `${list.slice(0, 4).join(', ')}, \u2026` : list.join(', '));
  return out;
}

/** Builds the chart model of `trace`. */
export function buildChartModel(trace: Trace, options: ChartOptions): ChartModel {
  const scan = scanTrace(trace, Math.min(options.rowLimit, MAX_ROW_LIMIT));
  const budget: MarkerBudget = { printsLeft: MAX_PRINT_MARKERS, droppedPrints: 0 };
  const trackers = new Map<number, RowTracker>();
  const names = new Map<number, string>();
  for (const e of scan.shown) names.set(e.task, e.name);
  const nameOf = (id: number) => names.get(id) ?? `task #${id}`;
  const members = groupMembers(scan.shown);
  const membersOf = (group: string) => members.get(group) ?? '';
  for (const e of scan.shown) {
    const row: TaskRow = {
      id: e.task,
      name: e.name,
      role: e.role,
      parent: e.parent,
      group: e.group,
      created: e.t,
      depth: 0,
      label: '',
      textLabel: '',
      segments: [],
      markers: []
    };
    trackers.set(
      e.task,
      new RowTracker(row, {
        showPrints: options.showPrints,
        showSteps: options.showSteps,
        clock: trace.clock,
        budget,
        nameOf,
        membersOf
      })
    );
  }
  const counted = scan.createdCount - (scan.hiddenCell === null ? 0 : 1);
  const aggregate =
    counted > scan.shown.length ? new HiddenAggregate(scan.maxId, scan.createdCount, scan.endTime) : null;

  for (const e of trace.events) {
    if (!('task' in e) || e.task === null || e.task === scan.hiddenCell) continue;
    const tracker = trackers.get(e.task);
    if (tracker) tracker.handle(e);
    else if (aggregate) aggregate.handle(e);
  }

  // A cut trace says nothing after the cap: rows stop there. A finished run names what
  // each task left over was still doing (deadlock, budget, interrupt).
  const closeAt = scan.truncation ? scan.truncation.t : scan.endTime;
  const note = scan.truncation ? null : 'not finished when the run ended';
  const perRow = Math.max(40, Math.floor(SEGMENT_BUDGET / Math.max(1, trackers.size)));
  // Binned spans are at least two instants wide, so they are drawn as bars, not ticks.
  const minBinWidth = 2 * INSTANT_SHARE * scan.endTime;
  const rows = [...trackers.values()].map(tracker => {
    tracker.finish(closeAt, note);
    tracker.row.segments = capSegments(tracker.row.segments, perRow, minBinWidth);
    return tracker.row;
  });

  let summary: SummaryRow | undefined;
  if (aggregate) {
    // Counted from the creation events, so the label agrees with the title.
    const count = counted - scan.shown.length;
    const label = `+${formatCount(count)} more tasks`;
    summary = { count, label, bins: aggregate.finish(closeAt), outcomes: aggregate.outcomes };
  }
  const runEnd = scan.runEnd;
  return {
    run: {
      clock: trace.clock,
      endTime: scan.endTime,
      steps: runEnd ? runEnd.steps : null,
      reason: runEnd ? runEnd.reason : null,
      message: runEnd?.message ? messageLines(runEnd.message) : undefined,
      taskCount: counted,
      truncated: trace.truncated || scan.truncation !== undefined,
      truncatedAt: scan.truncation?.t,
      cap: scan.truncation?.cap,
      droppedPrints: budget.droppedPrints
    },
    rows: orderRows(rows, summary ? [summary.label] : []),
    summary
  };
}
