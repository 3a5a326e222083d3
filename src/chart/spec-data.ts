/**
 * Chart model -> the spec's inline data: one datum per drawn thing, with a `g` field naming the
 * layer that draws it (bar, tick, inbar, print, mark, cause, label, rule), plus the task names that a
 * lookup joins in (so a long name is stored once, not on every datum of its row).
 */
import type { JSONValue } from '../protocol';
import {
  dominantState,
  INSTANT_SHARE,
  type ChartModel,
  type CodeLine,
  type Segment,
  type SummaryBin
} from './chart-model';
import { ellipsize, formatCount, formatNumber, formatTime, oneLine, toAxisUnit } from './format';
import { markerStyleOf } from './marker-styles';
import { STATE_STYLES, styleOf, type ChartState } from './states';

/** Longest full task name kept for tooltips. */
export const TOOLTIP_NAME_MAX = 10_000;
/** Plot width in pixels (the spec uses it too). */
export const PLOT_WIDTH = 400;
/** Longest outcome note drawn beside an end marker. */
const OUTCOME_LABEL_MAX = 24;
/** Most span labels written inside bars. */
const MAX_BAR_LABELS = 300;

/** One inline data row. */
export type Datum = { [key: string]: JSONValue };

/** The data of a spec and what it uses. */
export interface SpecData {
  data: Datum[];
  /** { row, task } per row label, in row order. */
  names: Datum[];
  usedStates: Set<ChartState>;
  /** Legend names of the marker kinds drawn. */
  usedMarkers: Set<string>;
  /** Length of the time axis in trace seconds (never 0). */
  span: number;
}

/** Builds the inline data of `model`'s spec. */
export function buildSpecData(model: ChartModel): SpecData {
  const { clock } = model.run;
  const span = model.run.endTime > 0 ? model.run.endTime : clock === 'virtual' ? 1 : 0.001;
  const data: Datum[] = [];
  const names: Datum[] = [];
  const usedStates = new Set<ChartState>();
  const usedMarkers = new Set<string>();
  let barLabels = 0;
  const lateTicks: Datum[] = [];
  const t = (seconds: number) => roundTime(toAxisUnit(seconds, clock));
  const addSegment = (
    row: string,
    state: ChartState,
    start: number,
    end: number,
    text: string,
    share = 1,
    at?: CodeLine
  ) => {
    // The tooltip (and the mark's description) says the cell line; the label inside the bar does not.
    const what = withLine(text, at);
    const instant = end - start < span * INSTANT_SHARE;
    // A sub-pixel wait (real clock: ready for microseconds between a wake-up and a step) would
    // only cover the running tick beside it; running and outside instants are the ones that matter.
    if (instant && state !== 'running' && state !== 'outside') return;
    usedStates.add(state);
    const when = instant
      ? `at ${formatTime(start, clock)}`
      : `${formatTime(start, clock)} \u2192 ${formatTime(end, clock)} (${formatTime(end - start, clock)})`;
    // `o`: opacity, below 1 only in the summary row.
    const o = Math.round(share * 1000) / 1000;
    const datum: Datum = {
      g: instant ? 'tick' : 'bar',
      row,
      s: styleOf(state).legend,
      t0: t(start),
      t1: t(end),
      o,
      what,
      when
    };
    // Other instants (an outside wait in virtual time) go on top of the running ticks around them.
    if (instant && state !== 'running') {
      if (state === 'outside' && clock === 'virtual') datum.what = `${what} (took real time, off the virtual clock)`;
      lateTicks.push(datum);
    } else data.push(datum);
    // Write what the span is inside it when it is wide enough (about 6 px per character).
    const px = ((end - start) / span) * PLOT_WIDTH;
    const fit = Math.floor((px - 8) / 6.2);
    if (!instant && o === 1 && barLabels < MAX_BAR_LABELS && fit >= 5) {
      barLabels++;
      // Same tooltip as the bar: the label sits on top of it and would hide the bar's.
      data.push({ g: 'inbar', row, s: styleOf(state).legend, t0: t(start), lbl: ellipsize(text, fit), what, when });
    }
  };

  const labelOf = new Map<number, string>();
  for (const row of model.rows) labelOf.set(row.id, row.label);
  for (const row of model.rows) {
    names.push({ row: row.label, task: taskDescription(row.name, row.group) });
    for (const seg of row.segments) addSegment(row.label, seg.state, seg.start, seg.end, segmentText(seg), 1, seg.at);
    for (const m of row.markers) {
      const style = markerStyleOf(m.kind);
      usedMarkers.add(style.legend);
      const what = withLine(m.kind === 'print' ? `print: ${m.text}` : `${style.legend}: ${m.text}`, m.at);
      const when = `at ${formatTime(m.t, clock)}`;
      data.push({ g: m.kind === 'print' ? 'print' : 'mark', row: row.label, k: style.legend, t0: t(m.t), what, when });
      // Who cancelled whom: a line from the canceller's row to the cancelled task's marker.
      const from = m.from === undefined ? undefined : labelOf.get(m.from);
      if (m.kind === 'cancel requested' && from !== undefined && from !== row.label) {
        data.push({ g: 'cause', row: row.label, row2: from, t0: t(m.t), what, when });
      }
    }
    // A short note of how the task ended, beside its end marker, so a static image tells it too.
    if (row.outcome && row.outcome.detail !== 'undefined' && row.outcome.detail !== '') {
      data.push({
        g: 'label',
        row: row.label,
        t0: t(row.outcome.t),
        lbl: ellipsize(oneLine(row.outcome.detail), OUTCOME_LABEL_MAX)
      });
    }
  }
  if (model.summary) {
    const summary = model.summary;
    names.push({ row: summary.label, task: `${formatCount(summary.count)} tasks beyond the row limit (summed up)` });
    // Fainter where fewer of the summed-up tasks are alive, so the row shows them coming and going.
    const alive = summary.bins.map(bin => liveTasks(bin));
    const most = alive.reduce((a, b) => Math.max(a, b), 0);
    summary.bins.forEach((bin, i) => {
      addSegment(summary.label, dominantState(bin), bin.start, bin.end, binText(bin), most > 0 ? alive[i] / most : 1);
    });
  }
  data.push(...lateTicks);
  if (model.run.truncated && model.run.truncatedAt !== undefined) {
    data.push({
      g: 'rule',
      t0: t(model.run.truncatedAt),
      what: 'trace cap reached: nothing after this is shown',
      when: `at ${formatTime(model.run.truncatedAt, clock)}`
    });
  }
  return { data, names, usedStates, usedMarkers, span };
}

/** The tooltip text with the cell line it points at: "sleep(1) — at In[3], line 4". */
function withLine(what: string, at: CodeLine | undefined): string {
  return at === undefined ? what : `${what} \u2014 at ${at.cell}, line ${at.line}`;
}

function segmentText(seg: Segment): string {
  if (seg.state !== 'running') return seg.detail;
  if (seg.detail !== 'running') return seg.detail;
  return seg.steps > 1 ? `running (${formatCount(seg.steps)} steps)` : 'running (1 step)';
}

function taskDescription(name: string, group: string | undefined): string {
  const full = name.length > TOOLTIP_NAME_MAX ? name.slice(0, TOOLTIP_NAME_MAX - 1) + '\u2026' : name;
  return group ? `${full} (in ${group})` : full;
}

/** Average number of summed-up tasks alive during the bin. */
function liveTasks(bin: SummaryBin): number {
  const width = bin.end - bin.start;
  if (width <= 0) return 0;
  let total = 0;
  for (const { state } of STATE_STYLES) total += bin.time[state] ?? 0;
  return total / width;
}

function binText(bin: SummaryBin): string {
  const width = bin.end - bin.start;
  const parts = STATE_STYLES.filter(s => (bin.time[s.state] ?? 0) > 0).map(s => {
    const avg = width > 0 ? (bin.time[s.state] ?? 0) / width : 0;
    return `${formatNumber(avg, 1)} ${s.state}`;
  });
  const counts = parts.length > 0 ? `on average ${parts.join(', ')}` : 'instant steps only';
  return `${counts}; ${formatCount(bin.steps)} steps, ${formatCount(bin.finished)} finished`;
}

/** Rounds axis values so float noise (0.30000000000000004) does not reach the spec. */
export function roundTime(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
