/**
 * The timing chart: a pure function from a scheduler trace to a MIME bundle
 * (Vega-Lite v5 spec + plain-text timeline). Never emits text/html.
 */
import type { Trace } from '../scheduler/trace-events';
import type { ChartOptions, JSONValue, MimeBundle } from '../runtime/protocol';

/** The MIME type of the Vega-Lite chart. */
export const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';

/** Pure: trace -> MIME bundle with 'application/vnd.vegalite.v5+json' and 'text/plain' (never text/html). */
export function buildChartBundle(
  trace: Trace,
  options: ChartOptions
): { data: MimeBundle; metadata: { [k: string]: JSONValue } } {
  void options;
  const tasks = trace.events.filter(e => e.type === 'task-created').length;
  return {
    data: {
      [VEGALITE_MIME]: {
        $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
        title: `${tasks} tasks`,
        data: { values: [] },
        mark: 'bar'
      },
      'text/plain': `${tasks} tasks`
    },
    metadata: { 'coroutine-cells': { chart: true } }
  };
}
