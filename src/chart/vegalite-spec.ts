/**
 * Chart model -> Vega-Lite v5 spec, within Vega-Lite 5.6 features (what JupyterLab 4 renders).
 * One inline dataset (a `g` field says which layer draws a datum); task names are joined in by
 * a lookup so a long name is stored once. Text colours are left to the renderer's theme.
 */
import type { JSONValue } from '../runtime/protocol';
import { dominantState, type ChartModel, type Segment, type SummaryBin } from './chart-model';
import { ellipsize, formatCount, formatNumber, formatTime, oneLine, timeUnit, toAxisUnit } from './format';
import { MARKER_STYLES, markerStyleOf } from './marker-styles';
import { runNotes, runTitle } from './run-title';
import { STATE_STYLES, styleOf, type ChartState } from './states';

/** The `$schema` of every spec (Vega-Lite major version 5). */
export const VEGALITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
/** Longest full task name kept for tooltips. */
export const TOOLTIP_NAME_MAX = 10_000;
/** Longest outcome note drawn beside an end marker. */
const OUTCOME_LABEL_MAX = 24;
/** Mid-grey for notes: readable on light and dark backgrounds (themes do not colour text marks). */
const NOTE_COLOR = '#8c8c8c';
/** Most span labels written inside bars. */
const MAX_BAR_LABELS = 300;
/** Plot width in pixels. */
const WIDTH = 560;
/** Height of one row in pixels. */
const ROW_STEP = 22;
/** A span shorter than this share of the time axis is drawn as a tick (it would be sub-pixel). */
const INSTANT_SHARE = 1 / 300;

type Datum = { [key: string]: JSONValue };

/** Builds the Vega-Lite spec of `model`. */
export function buildVegaLiteSpec(model: ChartModel): { [key: string]: JSONValue } {
  const { clock } = model.run;
  const span = model.run.endTime > 0 ? model.run.endTime : clock === 'virtual' ? 1 : 0.001;
  const axisEnd = toAxisUnit(span, clock);
  const data: Datum[] = [];
  const names: Datum[] = [];
  const usedStates = new Set<ChartState>();
  const usedMarkers = new Set<string>();
  const t = (seconds: number) => roundTime(toAxisUnit(seconds, clock));
  const addSegment = (row: string, state: ChartState, start: number, end: number, what: string, share = 1) => {
    usedStates.add(state);
    const instant = end - start < span * INSTANT_SHARE;
    const when = instant
      ? `at ${formatTime(start, clock)}`
      : `${formatTime(start, clock)} \u2192 ${formatTime(end, clock)} (${formatTime(end - start, clock)})`;
    // `o`: opacity, below 1 only in the summary row.
    const o = Math.round(share * 1000) / 1000;
    data.push({ g: instant ? 'tick' : 'bar', row, s: styleOf(state).legend, t0: t(start), t1: t(end), o, what, when });
    // Write what the span is inside it when it is wide enough (about 6 px per character).
    const px = ((end - start) / span) * WIDTH;
    if (!instant && o === 1 && barLabels < MAX_BAR_LABELS && px >= 40) {
      const fit = Math.floor((px - 8) / 6.2);
      if (fit >= 5) {
        barLabels++;
        // Same tooltip as the bar: the label sits on top of it and would hide the bar's.
        data.push({ g: 'inbar', row, s: styleOf(state).legend, t0: t(start), lbl: ellipsize(what, fit), what, when });
      }
    }
  };
  let barLabels = 0;

  for (const row of model.rows) {
    names.push({ row: row.label, task: taskDescription(row.name, row.group) });
    for (const seg of row.segments) addSegment(row.label, seg.state, seg.start, seg.end, segmentText(seg));
    for (const m of row.markers) {
      const style = markerStyleOf(m.kind);
      usedMarkers.add(style.legend);
      const what = m.kind === 'print' ? `print: ${m.text}` : `${style.legend}: ${m.text}`;
      data.push({ g: m.kind === 'print' ? 'print' : 'mark', row: row.label, k: style.legend, t0: t(m.t), what, when: `at ${formatTime(m.t, clock)}` });
    }
    // A short note of how the task ended, beside its end marker, so a static image tells it too.
    if (row.outcome && row.outcome.detail !== 'undefined' && row.outcome.detail !== '') {
      data.push({ g: 'label', row: row.label, t0: t(row.outcome.t), lbl: ellipsize(oneLine(row.outcome.detail), OUTCOME_LABEL_MAX) });
    }
  }
  if (model.summary) {
    const summary = model.summary;
    names.push({ row: summary.label, task: `${formatCount(summary.count)} tasks beyond the row limit (summed up)` });
    // Fainter where fewer of the summed-up tasks are alive, so the row shows them coming and going.
    const alive = summary.bins.map(bin => liveTasks(bin));
    const most = Math.max(0, ...alive);
    summary.bins.forEach((bin, i) => {
      addSegment(summary.label, dominantState(bin), bin.start, bin.end, binText(bin), most > 0 ? alive[i] / most : 1);
    });
  }
  if (model.run.truncated && model.run.truncatedAt !== undefined) {
    data.push({ g: 'rule', t0: t(model.run.truncatedAt), what: 'trace cap reached: nothing after this is shown', when: `at ${formatTime(model.run.truncatedAt, clock)}` });
  }

  const rowOrder = names.map(n => n.row as string);
  const x = {
    field: 't0',
    type: 'quantitative',
    title: `${clock} time (${timeUnit(clock)})`,
    scale: { domain: [0, roundTime(axisEnd)], nice: false, zero: true }
  };
  // Left-aligned labels keep the indentation that shows children under their parent; the
  // padding makes room for the longest label (about 6.3 px per character at the default 10 px).
  const longest = Math.max(4, ...rowOrder.map(r => r.length));
  const y = {
    field: 'row', type: 'nominal', sort: rowOrder, title: null,
    axis: { labelAlign: 'left', labelPadding: Math.round(longest * 6.3) + 8, labelLimit: 400, ticks: false, domain: false }
  };
  const tooltip = [
    { field: 'task', type: 'nominal', title: 'task' },
    { field: 'what', type: 'nominal', title: 'what' },
    { field: 'when', type: 'nominal', title: 'when' }
  ];
  const states = STATE_STYLES.filter(s => usedStates.has(s.state));
  const color = {
    field: 's', type: 'nominal', title: 'state',
    scale: { domain: states.map(s => s.legend), range: states.map(s => s.color) },
    legend: { orient: 'bottom', direction: 'vertical', columns: 2, symbolType: 'square', labelLimit: 400 }
  };
  const markers = MARKER_STYLES.filter(s => usedMarkers.has(s.legend));
  const markerScale = (range: string[]) => ({ domain: markers.map(s => s.legend), range });
  const markerLegend = { orient: 'bottom', direction: 'vertical', columns: 2, labelLimit: 400 };
  const markerEncoding = {
    x, y, tooltip,
    shape: { field: 'k', type: 'nominal', title: 'events', scale: markerScale(markers.map(s => s.shape)), legend: markerLegend },
    fill: { field: 'k', type: 'nominal', title: 'events', scale: markerScale(markers.map(s => s.color)), legend: markerLegend }
  };
  const opacity = { field: 'o', type: 'quantitative', scale: { domain: [0, 1], range: [0.2, 1] }, legend: null };
  const only = (g: string) => ({ filter: { field: 'g', equal: g } });
  const has = (g: string) => data.some(d => d.g === g);

  const layer: JSONValue[] = [];
  if (has('bar')) layer.push({ transform: [only('bar')], mark: { type: 'bar', height: { band: 0.6 } }, encoding: { x, x2: { field: 't1' }, y, color, opacity, tooltip } });
  if (has('tick')) layer.push({ transform: [only('tick')], mark: { type: 'tick', thickness: 3, size: ROW_STEP * 0.75 }, encoding: { x, y, color, tooltip } });
  if (has('print')) layer.push({ transform: [only('print')], mark: { type: 'point', filled: true, size: 60, yOffset: -ROW_STEP * 0.3, stroke: '#777777', strokeWidth: 0.5, opacity: 1 }, encoding: markerEncoding });
  if (has('mark')) layer.push({ transform: [only('mark')], mark: { type: 'point', filled: true, size: 90, stroke: '#777777', strokeWidth: 0.5, opacity: 1 }, encoding: markerEncoding });
  // Dark text reads on every mid-tone state colour except the dark blue of "blocking".
  const inBarColor = { condition: { test: `datum.s === '${styleOf('blocking').legend}'`, value: '#ffffff' }, value: '#1a1a1a' };
  if (has('inbar')) layer.push({ transform: [only('inbar')], mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 9 }, encoding: { x, y, text: { field: 'lbl', type: 'nominal' }, color: inBarColor, tooltip } });
  if (has('label')) layer.push({ transform: [only('label')], mark: { type: 'text', align: 'left', baseline: 'middle', dx: 9, fontSize: 10, color: NOTE_COLOR }, encoding: { x, y, text: { field: 'lbl', type: 'nominal' } } });
  if (has('rule')) layer.push({ transform: [only('rule')], mark: { type: 'rule', strokeDash: [4, 3], color: '#999999', strokeWidth: 1.5 }, encoding: { x, tooltip } });
  if (layer.length === 0) {
    layer.push({ mark: { type: 'text', color: NOTE_COLOR }, encoding: { text: { value: 'no tasks ran' } } });
  }

  const notes = runNotes(model);
  return {
    $schema: VEGALITE_SCHEMA,
    description: 'Timing chart of a coroutine cell run: one row per task, one segment per state.',
    title: notes.length > 0 ? { text: runTitle(model), subtitle: notes, anchor: 'start' } : { text: runTitle(model), anchor: 'start' },
    width: WIDTH,
    // An empty chart has no rows to size by.
    height: rowOrder.length > 0 ? { step: ROW_STEP } : 40,
    data: { values: data },
    transform: [{ lookup: 'row', from: { data: { values: names }, key: 'row', fields: ['task'] } }],
    layer,
    config: {
      background: 'transparent',
      view: { stroke: 'transparent' },
      axis: { gridOpacity: 0.5 },
      legend: { symbolStrokeWidth: 0.5 }
    }
  };
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
function roundTime(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
