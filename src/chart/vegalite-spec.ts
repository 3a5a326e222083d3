/**
 * Chart model -> Vega-Lite v5 spec, within Vega-Lite 5.6 features (what JupyterLab 4 renders):
 * layers over one inline dataset (see spec-data), a colour legend of states and a shape legend
 * of events. Text colours are left to the renderer's theme, except notes in a mid-grey and the
 * labels inside bars, which sit on the bars' own colours.
 */
import type { JSONValue } from '../protocol';
import type { ChartModel } from './chart-model';
import { timeUnit, toAxisUnit } from './format';
import { MARKER_STYLES } from './marker-styles';
import { runNotes, runTitle } from './run-title';
import { buildSpecData, PLOT_WIDTH, roundTime } from './spec-data';
import { STATE_STYLES, styleOf } from './states';

/** The `$schema` of every spec (Vega-Lite major version 5). */
export const VEGALITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';
/** Mid-grey for notes: readable on light and dark backgrounds (themes do not colour text marks). */
const NOTE_COLOR = '#8c8c8c';
/** The colour of cancellation lines (the cancel-request marker's orange). */
const CAUSE_COLOR = '#E69F00';
/** Height of one row in pixels. */
const ROW_STEP = 22;

/** Builds the Vega-Lite spec of `model`. */
export function buildVegaLiteSpec(model: ChartModel): { [key: string]: JSONValue } {
  const { clock } = model.run;
  const { data, names, usedStates, usedMarkers, span } = buildSpecData(model);

  const rowOrder = names.map(n => n.row as string);
  const x = {
    field: 't0',
    type: 'quantitative',
    title: `${clock} time (${timeUnit(clock)})`,
    scale: { domain: [0, roundTime(toAxisUnit(span, clock))], nice: false, zero: true }
  };
  // Left-aligned labels keep the indentation that shows children under their parent; the
  // padding makes room for the longest label (about 6.3 px per character at the default 10 px).
  const longest = rowOrder.reduce((most, r) => Math.max(most, r.length), 4);
  const y = {
    field: 'row',
    type: 'nominal',
    sort: rowOrder,
    title: null,
    axis: {
      labelAlign: 'left',
      labelPadding: Math.round(longest * 6.3) + 8,
      labelLimit: 400,
      ticks: false,
      domain: false
    }
  };
  const tooltip = [
    { field: 'task', type: 'nominal', title: 'task' },
    { field: 'what', type: 'nominal', title: 'what' },
    { field: 'when', type: 'nominal', title: 'when' }
  ];
  const states = STATE_STYLES.filter(s => usedStates.has(s.state));
  const color = {
    field: 's',
    type: 'nominal',
    title: 'state',
    scale: { domain: states.map(s => s.legend), range: states.map(s => s.color) },
    legend: { orient: 'bottom', direction: 'vertical', columns: 2, symbolType: 'square', labelLimit: 400 }
  };
  const markers = MARKER_STYLES.filter(s => usedMarkers.has(s.legend));
  const markerScale = (range: string[]) => ({ domain: markers.map(s => s.legend), range });
  const markerLegend = { orient: 'bottom', direction: 'vertical', columns: 2, labelLimit: 400 };
  const markerEncoding = {
    x,
    y,
    tooltip,
    shape: {
      field: 'k',
      type: 'nominal',
      title: 'events',
      scale: markerScale(markers.map(s => s.shape)),
      legend: markerLegend
    },
    fill: {
      field: 'k',
      type: 'nominal',
      title: 'events',
      scale: markerScale(markers.map(s => s.color)),
      legend: markerLegend
    }
  };
  const opacity = { field: 'o', type: 'quantitative', scale: { domain: [0, 1], range: [0.2, 1] }, legend: null };
  const only = (g: string) => ({ filter: { field: 'g', equal: g } });
  const has = (g: string) => data.some(d => d.g === g);

  const layer: JSONValue[] = [];
  if (has('bar'))
    layer.push({
      transform: [only('bar')],
      mark: { type: 'bar', height: { band: 0.6 } },
      encoding: { x, x2: { field: 't1' }, y, color, opacity, tooltip }
    });
  if (has('tick'))
    layer.push({
      transform: [only('tick')],
      mark: { type: 'tick', thickness: 3, size: ROW_STEP * 0.75 },
      encoding: { x, y, color, tooltip }
    });
  if (has('print'))
    layer.push({
      transform: [only('print')],
      mark: {
        type: 'point',
        filled: true,
        size: 60,
        yOffset: -ROW_STEP * 0.3,
        stroke: '#777777',
        strokeWidth: 0.5,
        opacity: 1
      },
      encoding: markerEncoding
    });
  // Who cancelled whom: a dashed line from the canceller's row to the cancel request's marker.
  if (has('cause')) {
    layer.push({
      transform: [only('cause')],
      mark: { type: 'rule', strokeDash: [3, 2], color: CAUSE_COLOR, strokeWidth: 1.5 },
      encoding: { x, y, y2: { field: 'row2' }, tooltip }
    });
  }
  if (has('mark'))
    layer.push({
      transform: [only('mark')],
      mark: { type: 'point', filled: true, size: 90, stroke: '#777777', strokeWidth: 0.5, opacity: 1 },
      encoding: markerEncoding
    });
  // Dark text reads on every mid-tone state colour except the dark blue of "blocking".
  const inBarColor = {
    condition: { test: `datum.s === '${styleOf('blocking').legend}'`, value: '#ffffff' },
    value: '#1a1a1a'
  };
  if (has('inbar'))
    layer.push({
      transform: [only('inbar')],
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 9 },
      encoding: { x, y, text: { field: 'lbl', type: 'nominal' }, color: inBarColor, tooltip }
    });
  if (has('label'))
    layer.push({
      transform: [only('label')],
      mark: { type: 'text', align: 'left', baseline: 'middle', dx: 9, fontSize: 10, color: NOTE_COLOR },
      encoding: { x, y, text: { field: 'lbl', type: 'nominal' } }
    });
  if (has('rule'))
    layer.push({
      transform: [only('rule')],
      mark: { type: 'rule', strokeDash: [4, 3], color: '#999999', strokeWidth: 1.5 },
      encoding: { x, tooltip }
    });
  if (has('rule'))
    layer.push({
      transform: [only('rule')],
      mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, fontSize: 9, color: NOTE_COLOR },
      encoding: { x, y: { value: 0 }, text: { value: 'trace cap: nothing after this' }, tooltip }
    });
  if (layer.length === 0) {
    layer.push({ mark: { type: 'text', color: NOTE_COLOR }, encoding: { text: { value: 'no tasks ran' } } });
  }

  const notes = runNotes(model);
  return {
    $schema: VEGALITE_SCHEMA,
    description: 'Timing chart of a coroutine cell run: one row per task, one segment per state.',
    // vega-embed reads this: SVG keeps the task labels as text (searchable, crisp when zoomed).
    usermeta: { embedOptions: { renderer: 'svg' } },
    title:
      notes.length > 0
        ? { text: runTitle(model), subtitle: notes, anchor: 'start' }
        : { text: runTitle(model), anchor: 'start' },
    width: PLOT_WIDTH,
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
