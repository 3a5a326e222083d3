/**
 * Live progress of a running cell: once a cell has run for PROGRESS_DELAY_MS of real time, a
 * progress report every PROGRESS_INTERVAL_MS (virtual time or real time reached, tasks alive,
 * steps taken, and on the real clock the chart so far). Driven by a timer, so it runs only when
 * the worker's event loop is free, i.e. between scheduler slices: the scheduler counts nothing
 * for it while it steps, and a step costs the same with or without progress.
 */
import { buildChartModel, buildVegaLiteSpec } from '../chart';
import type { CellProgress, ChartOptions, JSONValue } from '../protocol';
import type { RunSnapshot } from '../scheduler';

/** Real milliseconds a cell runs before its first progress report. */
export const PROGRESS_DELAY_MS = 500;
/** Real milliseconds between progress reports. */
export const PROGRESS_INTERVAL_MS = 250;
/**
 * A live chart is built only while the trace has at most this many events: past it the report
 * carries the numbers only (a chart of 20,000 events takes tens of milliseconds to build and to
 * draw; the final chart still shows everything).
 */
export const PROGRESS_CHART_MAX_EVENTS = 20_000;
/**
 * Live charts take at most this share of the run's real time: after a chart that took d ms to
 * build, the next one waits d / CHART_TIME_SHARE ms (reports in between carry the numbers only).
 */
export const CHART_TIME_SHARE = 0.2;

/** What the emitter needs. */
export interface ProgressEmitterOptions {
  /** Reads where the run is (the scheduler's RunHandle.snapshot). */
  snapshot: () => RunSnapshot;
  /** Receives each report. */
  onProgress: (progress: CellProgress) => void;
  /** The chart options of the cell; no live chart when absent or disabled, or on the virtual clock. */
  chart?: ChartOptions | null;
  /** Milliseconds clock (default performance.now). */
  now?: () => number;
  /** Builds the live chart (default liveChartSpec; tests pass a slow one). */
  buildChart?: (snapshot: RunSnapshot, chart: ChartOptions) => { [key: string]: JSONValue } | null;
}

/** A running emitter. */
export interface ProgressEmitter {
  /** Stops the reports (the cell ended); idempotent. */
  stop(): void;
}

/** Starts reporting the progress of the run `options.snapshot` reads. */
export function startProgressEmitter(options: ProgressEmitterOptions): ProgressEmitter {
  const now = options.now ?? (() => performance.now());
  const buildChart = options.buildChart ?? liveChartSpec;
  const started = now();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  /** The earliest time (now()) the next live chart may be built. */
  let nextChartAt = 0;

  const tick = (): void => {
    timer = null;
    if (stopped) return;
    const snapshot = options.snapshot();
    const at = now();
    const progress: CellProgress = {
      clock: snapshot.clock,
      elapsedMs: Math.round(at - started),
      time: snapshot.time,
      tasksAlive: snapshot.tasksAlive,
      steps: snapshot.steps
    };
    if (wantsChart(options.chart, snapshot) && at >= nextChartAt) {
      const spec = buildChart(snapshot, options.chart as ChartOptions);
      if (spec !== null) progress.chart = spec;
      const built = now();
      nextChartAt = built + (built - at) / CHART_TIME_SHARE;
    }
    options.onProgress(progress);
    if (!stopped) timer = setTimeout(tick, PROGRESS_INTERVAL_MS);
  };
  timer = setTimeout(tick, PROGRESS_DELAY_MS);
  return {
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    }
  };
}

function wantsChart(chart: ChartOptions | null | undefined, snapshot: RunSnapshot): boolean {
  return (
    chart != null &&
    chart.enabled !== false &&
    snapshot.clock === 'real' &&
    snapshot.events.length > 0 &&
    snapshot.events.length <= PROGRESS_CHART_MAX_EVENTS
  );
}

/**
 * The chart of the trace so far, drawn up to the current time: open segments end "now" and the
 * title says Running. Null if the chart cannot be built (the final chart reports why).
 */
export function liveChartSpec(snapshot: RunSnapshot, chart: ChartOptions): { [key: string]: JSONValue } | null {
  try {
    // A copy with a provisional end, so the chart closes what is still running at the current time.
    const events = snapshot.events.slice();
    events.push({ type: 'run-end', t: snapshot.time, steps: snapshot.steps, reason: 'completed' });
    const model = buildChartModel({ clock: snapshot.clock, events, truncated: snapshot.truncated }, chart);
    model.run.reason = 'running';
    // Tasks still running are not "never finished": they just have not finished yet.
    for (const row of model.rows) row.markers = row.markers.filter(m => m.kind !== 'unfinished');
    return buildVegaLiteSpec(model);
  } catch {
    return null;
  }
}
