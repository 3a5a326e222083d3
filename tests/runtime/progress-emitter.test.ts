import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHART_TIME_SHARE,
  PROGRESS_CHART_MAX_EVENTS,
  PROGRESS_DELAY_MS,
  PROGRESS_INTERVAL_MS,
  liveChartSpec,
  startProgressEmitter
} from '../../src/runtime/progress-emitter';
import { CellSession } from '../../src/runtime/cell-session';
import { DEFAULT_CELL_OPTIONS, type CellProgress } from '../../src/protocol';
import type { RunSnapshot } from '../../src/scheduler';
import type { TraceEvent } from '../../src/scheduler/trace-events';

const CHART = DEFAULT_CELL_OPTIONS.chart;

/** A real-clock trace: the cell and `n` tasks created at t=0, each suspended (sleeping). */
function sleepingTasks(n: number): TraceEvent[] {
  const events: TraceEvent[] = [{ type: 'task-created', t: 0, task: 0, name: 'cell', role: 'cell', parent: null }];
  for (let i = 1; i <= n; i++) {
    events.push({ type: 'task-created', t: 0.01 * i, task: i, name: `w${i}`, role: 'task', parent: 0 });
  }
  return events as TraceEvent[];
}

function snapshotOf(partial: Partial<RunSnapshot>): RunSnapshot {
  return { clock: 'virtual', time: 0, steps: 0, tasksAlive: 1, events: [], truncated: false, ...partial };
}

describe('startProgressEmitter (fake timers)', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => vi.useRealTimers());
  const advance = (ms: number) => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };

  it('says nothing before PROGRESS_DELAY_MS, then reports every PROGRESS_INTERVAL_MS until stopped', () => {
    const reports: CellProgress[] = [];
    let steps = 0;
    const emitter = startProgressEmitter({
      snapshot: () => snapshotOf({ steps: (steps += 1000), time: steps / 100, tasksAlive: 7 }),
      onProgress: p => reports.push(p),
      now
    });
    advance(PROGRESS_DELAY_MS - 1);
    expect(reports).toHaveLength(0);
    advance(1);
    expect(reports).toHaveLength(1);
    advance(PROGRESS_INTERVAL_MS - 1);
    expect(reports).toHaveLength(1);
    advance(1);
    expect(reports).toHaveLength(2);
    advance(PROGRESS_INTERVAL_MS * 4);
    expect(reports).toHaveLength(6);
    emitter.stop();
    emitter.stop();
    advance(PROGRESS_INTERVAL_MS * 10);
    expect(reports).toHaveLength(6);
    expect(reports[0]).toEqual({ clock: 'virtual', elapsedMs: 500, time: 10, tasksAlive: 7, steps: 1000 });
    expect(reports[5].elapsedMs).toBe(500 + 5 * PROGRESS_INTERVAL_MS);
    expect(reports.map(r => r.steps)).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
  });

  it('a run that ends before the delay reports nothing', () => {
    const reports: CellProgress[] = [];
    const emitter = startProgressEmitter({ snapshot: () => snapshotOf({}), onProgress: p => reports.push(p), now });
    advance(PROGRESS_DELAY_MS - 100);
    emitter.stop();
    advance(PROGRESS_DELAY_MS * 4);
    expect(reports).toHaveLength(0);
  });

  it('the virtual clock gets numbers only, never a chart', () => {
    const reports: CellProgress[] = [];
    const emitter = startProgressEmitter({
      snapshot: () => snapshotOf({ events: sleepingTasks(3) }),
      onProgress: p => reports.push(p),
      chart: CHART,
      now
    });
    advance(PROGRESS_DELAY_MS + PROGRESS_INTERVAL_MS);
    emitter.stop();
    expect(reports).toHaveLength(2);
    expect(reports.every(r => r.chart === undefined)).toBe(true);
  });

  it('the real clock gets a chart with every report while charts are cheap; none with chart=off', () => {
    const withChart: CellProgress[] = [];
    const without: CellProgress[] = [];
    const snapshot = () => snapshotOf({ clock: 'real', time: clock / 1000, events: sleepingTasks(3), tasksAlive: 4 });
    const a = startProgressEmitter({ snapshot, onProgress: p => withChart.push(p), chart: CHART, now });
    const b = startProgressEmitter({
      snapshot,
      onProgress: p => without.push(p),
      chart: { ...CHART, enabled: false },
      now
    });
    advance(PROGRESS_DELAY_MS + 2 * PROGRESS_INTERVAL_MS);
    a.stop();
    b.stop();
    expect(withChart).toHaveLength(3);
    expect(withChart.every(r => r.chart !== undefined)).toBe(true);
    expect(without.every(r => r.chart === undefined)).toBe(true);
  });

  it('throttles the chart: after a build of d ms the next waits d / CHART_TIME_SHARE ms', () => {
    const reports: CellProgress[] = [];
    const buildMs = 200; // the next chart may come 1,000 ms after the end of a build
    startProgressEmitter({
      snapshot: () => snapshotOf({ clock: 'real', time: clock / 1000, events: sleepingTasks(2) }),
      onProgress: p => reports.push(p),
      chart: CHART,
      now,
      buildChart: (snapshot, chart) => {
        clock += buildMs;
        return liveChartSpec(snapshot, chart);
      }
    });
    advance(PROGRESS_DELAY_MS);
    for (let i = 0; i < 11; i++) advance(PROGRESS_INTERVAL_MS);
    expect(buildMs / CHART_TIME_SHARE).toBe(1_000);
    // Built at 500 (the clock moves to 700: next at 1,700); reports at 950, 1,200, 1,450 carry
    // numbers only; built at 1,700 (→ 1,900: next at 2,900), and so on.
    expect(reports.map(r => (r.chart ? 'C' : '-')).join('')).toBe('C---C---C---');
  });

  it('no chart once the trace passes PROGRESS_CHART_MAX_EVENTS (the numbers still come)', () => {
    const reports: CellProgress[] = [];
    const big = sleepingTasks(PROGRESS_CHART_MAX_EVENTS);
    startProgressEmitter({
      snapshot: () => snapshotOf({ clock: 'real', time: 1, events: big, tasksAlive: big.length }),
      onProgress: p => reports.push(p),
      chart: CHART,
      now
    });
    advance(PROGRESS_DELAY_MS);
    expect(reports).toHaveLength(1);
    expect(reports[0].chart).toBeUndefined();
    expect(reports[0].tasksAlive).toBe(PROGRESS_CHART_MAX_EVENTS + 1);
  });
});

describe('liveChartSpec', () => {
  it('draws the trace so far up to now, titled Running, without touching the trace', () => {
    const events = sleepingTasks(2);
    const spec = liveChartSpec(snapshotOf({ clock: 'real', time: 1.5, steps: 9, events }), CHART);
    expect(events).toHaveLength(3);
    const text = JSON.stringify(spec);
    expect(text).toContain('Running: 3 tasks');
    expect(text).toContain('of real time, 9 steps');
    expect(text).toContain('w2');
    expect(text).not.toContain('never finished');
  });
});

describe('CellSession progress (real runs)', () => {
  it('a long virtual-clock run reports growing steps and virtual time, then nothing after it ends', async () => {
    const session = new CellSession();
    const reports: CellProgress[] = [];
    const source =
      'const t0 = performance.now();\n' +
      'async function spin(i: number) { while (performance.now() - t0 < 1500) await sleep(0.001); }\n' +
      'await gather(spin(1), spin(2), spin(3));';
    const result = await session.runCell(
      { source, cellLabel: 'cell[1]', options: DEFAULT_CELL_OPTIONS },
      () => {},
      p => reports.push(p)
    );
    expect(result.status).toBe('ok');
    const count = reports.length;
    expect(count).toBeGreaterThanOrEqual(2);
    expect(reports[0].elapsedMs).toBeGreaterThanOrEqual(PROGRESS_DELAY_MS - 5);
    expect(reports.every(r => r.clock === 'virtual' && r.chart === undefined)).toBe(true);
    expect(reports[count - 1].steps).toBeGreaterThan(reports[0].steps);
    expect(reports[count - 1].time).toBeGreaterThan(reports[0].time);
    expect(reports[0].tasksAlive).toBe(4);
    await new Promise(r => setTimeout(r, PROGRESS_INTERVAL_MS * 2));
    expect(reports).toHaveLength(count);
  });

  it('a real-clock run reports a chart that grows, and a quick cell reports nothing', async () => {
    const session = new CellSession();
    const reports: CellProgress[] = [];
    const source =
      '// @coroutine-cells clock=real\n' +
      'async function w(i: number) { await sleep(0.1 * i); }\n' +
      'for (let i = 1; i <= 15; i++) { createTask(w(i)); await sleep(0.1); }';
    await session.runCell(
      { source, cellLabel: 'cell[1]', options: DEFAULT_CELL_OPTIONS },
      () => {},
      p => reports.push(p)
    );
    const charts = reports.filter(r => r.chart !== undefined);
    expect(charts.length).toBeGreaterThanOrEqual(2);
    const tasksIn = (r: CellProgress) => Number(/Running: (\d+) tasks/.exec(JSON.stringify(r.chart))?.[1]);
    expect(tasksIn(charts[charts.length - 1])).toBeGreaterThan(tasksIn(charts[0]));
    const quick: CellProgress[] = [];
    await session.runCell(
      {
        source: '// @coroutine-cells clock=real\nawait sleep(0.05);',
        cellLabel: 'cell[2]',
        options: DEFAULT_CELL_OPTIONS
      },
      () => {},
      p => quick.push(p)
    );
    expect(quick).toHaveLength(0);
  });
});
