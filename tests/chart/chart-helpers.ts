/** Shared helpers of the chart tests: default options and spec accessors. */
import type { ChartOptions, JSONValue } from '../../src/protocol';
import type { Trace } from '../../src/scheduler/trace-events';
import { buildChartBundle, VEGALITE_MIME } from '../../src/chart/index';
import { compileStrict } from './vl-check';

/** The default chart options of the runtime. */
export const OPTIONS: ChartOptions = { enabled: true, rowLimit: 50, showPrints: true, showSteps: false };

/** A spec datum (one inline data row). */
export type Datum = { [key: string]: JSONValue };

/** Builds the bundle, compiles its spec strictly, and returns the parts the tests look at. */
export function chartOf(trace: Trace, options: Partial<ChartOptions> = {}) {
  const bundle = buildChartBundle(trace, { ...OPTIONS, ...options });
  const spec = bundle.data[VEGALITE_MIME] as { [key: string]: any };
  compileStrict(spec);
  const text = bundle.data['text/plain'] as string;
  const data = spec.data.values as Datum[];
  const names = spec.transform[0].lookup === 'row' ? (spec.transform[0].from.data.values as Datum[]) : [];
  const rows: string[] = spec.layer[0]?.encoding?.y?.sort ?? [];
  return { bundle, spec, text, data, names, rows, title: spec.title as { text: string; subtitle?: string[] } };
}

/** The data of one row (by its visible label) and one layer kind ('bar', 'tick', 'mark', 'print'). */
export function rowData(data: Datum[], row: string, g?: string): Datum[] {
  return data.filter(d => d.row === row && (g === undefined || d.g === g));
}

/** A label without the chart's indentation characters. */
export function bare(label: string): string {
  return label.replace(/[\u200b\u00a0\u21b3]/g, '').trim();
}
