import { describe, expect, it } from 'vitest';
import { buildChartModel } from '../../src/chart/index';
import type { Trace, TraceEvent } from '../../src/scheduler/trace-events';
import { bare, chartOf, OPTIONS, rowData } from './chart-helpers';
import { createTask, sleep } from '../../src/scheduler';
import { asyncFn, runCell } from './real-run';
import { manyTasksTrace } from './trace-builder';

describe('scale', () => {
  it('10,000 tasks: 50 rows plus a summary row, a bundle under 500 KB', () => {
    const { bundle, rows, data, text, title, names } = chartOf(manyTasksTrace(10_000));
    const size = Buffer.byteLength(JSON.stringify(bundle));
    expect(size).toBeLessThan(500_000);
    expect(rows.length).toBe(51);
    expect(rows.slice(0, 3).map(bare)).toEqual(['main', 'worker1', 'worker2']);
    expect(rows.at(-1)).toBe('+9,951 more tasks');
    expect(names.at(-1)!.task).toBe('9,951 tasks beyond the row limit (summed up)');
    expect(title.text).toBe('Completed: 10,001 tasks, 10 s of virtual time, 20,002 steps');
    expect(title.subtitle).toContain('50 of 10,001 tasks have their own row; the last row sums up the other 9,951.');
    // The summary row: mostly sleeping tasks, counts in the tooltip.
    const summary = rowData(data, '+9,951 more tasks');
    expect(summary.length).toBeGreaterThan(10);
    expect(summary.every(d => d.s === 'sleeping' || d.s === 'running')).toBe(true);
    expect(String(summary[0].what)).toMatch(/^on average [\d.]+ sleeping; [\d,]+ steps, [\d,]+ finished$/);
    const summaryLine = text.split('\n').find(l => l.startsWith('+9,951 more tasks'))!;
    expect(summaryLine).toMatch(/z+.* 9,951 returned, 0 raised, 0 cancelled$/);
  });

  it('the summary counts add up: task-seconds of the aggregated sleepers', () => {
    const model = buildChartModel(manyTasksTrace(1_000), { ...OPTIONS, rowLimit: 10 });
    const summary = model.summary!;
    expect(summary.count).toBe(991);
    const sleeping = summary.bins.reduce((sum, b) => sum + (b.time.sleeping ?? 0), 0);
    // Tasks 10..1000 (main + workers 1..9 have rows); worker i sleeps (i % 10) + 1 s.
    let expected = 0;
    for (let i = 10; i <= 1000; i++) expected += (i % 10) + 1;
    expect(sleeping).toBeCloseTo(expected, 6);
    expect(summary.bins.reduce((sum, b) => sum + b.finished, 0)).toBe(991);
    expect(summary.outcomes).toEqual({ result: 991, exception: 0, cancelled: 0 });
  });

  it('a huge rowLimit is capped at 2,000 rows', () => {
    const { rows, bundle } = chartOf(manyTasksTrace(3_000), { rowLimit: 1_000_000 });
    expect(rows.length).toBe(2_001);
    expect(rows.at(-1)).toBe('+1,001 more tasks');
    expect(Buffer.byteLength(JSON.stringify(bundle))).toBeLessThan(3_000_000);
  });

  it('rowLimit is respected and the summary row appears only when needed', () => {
    expect(chartOf(manyTasksTrace(5), { rowLimit: 6 }).rows.length).toBe(6);
    const limited = chartOf(manyTasksTrace(5), { rowLimit: 2 });
    expect(limited.rows.map(bare)).toEqual(['main', 'worker1', '+4 more tasks']);
  });

  it('1,000,000 tasks: a small chart, built in linear time', () => {
    const trace = millionTaskTrace(1_000_000);
    const started = performance.now();
    const { bundle, rows, title } = chartOf(trace);
    const elapsed = performance.now() - started;
    expect(rows.length).toBe(51);
    expect(rows.at(-1)).toBe('+999,951 more tasks');
    expect(title.text).toBe('Completed: 1,000,001 tasks, 1 s of virtual time, 1,000,001 steps');
    expect(Buffer.byteLength(JSON.stringify(bundle))).toBeLessThan(100_000);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('a real run of 100,000 tasks hits the default trace cap: a small chart that says so', async () => {
    const worker = asyncFn('worker', function* () {
      yield sleep(1);
    });
    const report = await runCell(function* () {
      for (let i = 0; i < 100_000; i++) createTask(worker());
      yield sleep(2);
    });
    expect(report.trace.truncated).toBe(true);
    const { bundle, rows, title, text } = chartOf(report.trace);
    expect(rows.length).toBe(51);
    expect(title.text).toMatch(/^Completed: at least [\d,]+ tasks, 2 s of virtual time, 200,002 steps$/);
    expect(title.subtitle![0]).toMatch(/^Trace truncated at [\d.]+ s: the trace cap \(200,000 events\) was reached/);
    expect(text).toContain('the trace cap (200,000 events) was reached');
    expect(Buffer.byteLength(JSON.stringify(bundle))).toBeLessThan(500_000);
  });

  it('a long loop of short sleeps in one task is drawn with a bounded number of segments', () => {
    const events: TraceEvent[] = [{ type: 'task-created', t: 0, task: 0, name: 'loop', parent: null, role: 'root' }];
    let t = 0;
    for (let i = 0; i < 20_000; i++) {
      events.push(
        { type: 'step-start', t, task: 0 },
        { type: 'suspended', t, task: 0, on: 'sleep', label: 'sleep(0.01)' },
        { type: 'step-end', t, task: 0 }
      );
      t = Math.round((t + 0.01) * 100) / 100;
      events.push({ type: 'woken', t, task: 0 });
    }
    events.push(
      { type: 'step-start', t, task: 0 },
      { type: 'finished', t, task: 0, outcome: 'result', detail: 'undefined' },
      { type: 'step-end', t, task: 0 }
    );
    events.push({ type: 'run-end', t, steps: 20_001, reason: 'completed' });
    const { data, bundle } = chartOf({ clock: 'virtual', events, truncated: false });
    const segments = data.filter(d => d.g === 'bar' || d.g === 'tick');
    expect(segments.length).toBeLessThanOrEqual(3000);
    // Redrawn as bars at about two pixels each, mostly sleeping, with the steps in the tooltip.
    expect(segments.every(d => d.g === 'bar' && d.s === 'sleeping')).toBe(true);
    expect(segments.length).toBeGreaterThan(100);
    expect(String(segments[0].what)).toMatch(/^many short spans: sleeping 100%; [\d,]+ steps$/);
    expect(Buffer.byteLength(JSON.stringify(bundle))).toBeLessThan(500_000);
  });
});

/** main creates n tasks at t=0; each runs one step and returns; main sleeps 1 s. Few events per task. */
function millionTaskTrace(n: number): Trace {
  const events: TraceEvent[] = [
    { type: 'task-created', t: 0, task: 0, name: 'main', parent: null, role: 'root' },
    { type: 'step-start', t: 0, task: 0 }
  ];
  for (let i = 1; i <= n; i++) events.push({ type: 'task-created', t: 0, task: i, name: 'w', parent: 0, role: 'task' });
  events.push(
    { type: 'suspended', t: 0, task: 0, on: 'sleep', label: 'sleep(1)' },
    { type: 'step-end', t: 0, task: 0 }
  );
  for (let i = 1; i <= n; i++) {
    events.push(
      { type: 'step-start', t: 0, task: i },
      { type: 'finished', t: 0, task: i, outcome: 'result', detail: 'undefined' }
    );
  }
  events.push(
    { type: 'woken', t: 1, task: 0 },
    { type: 'step-start', t: 1, task: 0 },
    { type: 'finished', t: 1, task: 0, outcome: 'result', detail: 'undefined' }
  );
  events.push({ type: 'run-end', t: 1, steps: n + 1, reason: 'completed' });
  return { clock: 'virtual', events, truncated: false };
}
