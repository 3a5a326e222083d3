/**
 * The timing chart: a pure function from a scheduler trace to a MIME bundle with a Vega-Lite v5
 * spec and a plain-text timeline (never text/html, which JupyterLab would prefer over the chart).
 * Node-only PNG rendering lives in ./render-png and is not exported here.
 */
import { METADATA_KEY, VEGALITE_MIME, type ChartOptions, type JSONValue, type MimeBundle } from '../protocol';
import type { Trace } from '../scheduler/trace-events';
import { buildChartModel } from './build-model';
import { checkChartArguments } from './check-options';
import { buildTextTimeline } from './text-timeline';
import { buildVegaLiteSpec } from './vegalite-spec';

export { buildChartModel } from './build-model';
export { buildTextTimeline } from './text-timeline';
export { buildVegaLiteSpec, VEGALITE_SCHEMA } from './vegalite-spec';
export type { ChartModel, TaskRow, Segment, Marker, SummaryRow, RunFacts } from './chart-model';

export { VEGALITE_MIME } from '../protocol';

/**
 * Pure: trace -> MIME bundle with 'application/vnd.vegalite.v5+json' and 'text/plain' (never
 * text/html). `options.enabled` is the caller's decision (the runtime skips the call when false).
 */
export function buildChartBundle(
  trace: Trace,
  options: ChartOptions
): { data: MimeBundle; metadata: { [k: string]: JSONValue } } {
  checkChartArguments(trace, options);
  const model = buildChartModel(trace, options);
  return {
    data: {
      [VEGALITE_MIME]: buildVegaLiteSpec(model),
      'text/plain': buildTextTimeline(model)
    },
    // Marks the output as this extension's chart.
    metadata: { [METADATA_KEY]: { chart: true } }
  };
}
