/** Argument checks for the chart's public entry point (messages name the argument and value). */
import type { ChartOptions } from '../protocol';
import type { Trace } from '../scheduler/trace-events';

/** Throws a TypeError naming the bad argument when `trace` or `options` is malformed. */
export function checkChartArguments(trace: Trace, options: ChartOptions): void {
  if (trace === null || typeof trace !== 'object' || !Array.isArray(trace.events)) {
    throw new TypeError(`buildChartBundle(): trace must be an object with an events array, got ${describe(trace)}`);
  }
  if (trace.clock !== 'virtual' && trace.clock !== 'real') {
    throw new TypeError(`buildChartBundle(): trace.clock must be 'virtual' or 'real', got ${describe(trace.clock)}`);
  }
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`buildChartBundle(): options must be a ChartOptions object, got ${describe(options)}`);
  }
  if (!Number.isInteger(options.rowLimit) || options.rowLimit < 1) {
    throw new TypeError(
      `buildChartBundle(): options.rowLimit must be an integer >= 1, got ${describe(options.rowLimit)}`
    );
  }
  for (const key of ['showPrints', 'showSteps'] as const) {
    if (typeof options[key] !== 'boolean') {
      throw new TypeError(`buildChartBundle(): options.${key} must be a boolean, got ${describe(options[key])}`);
    }
  }
}

function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  return Array.isArray(value) ? 'an array' : typeof value;
}
