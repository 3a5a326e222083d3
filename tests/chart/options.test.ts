import { describe, expect, it } from 'vitest';
import { buildChartModel } from '../../src/chart/index';
import { chartOf, OPTIONS, rowData } from './chart-helpers';
import { seedTrace, TraceBuilder } from './trace-builder';

describe('chart options', () => {
  it('showPrints: false draws no print markers', () => {
    const { data, spec } = chartOf(seedTrace(), { showPrints: false });
    expect(data.filter(d => d.g === 'print')).toEqual([]);
    expect(JSON.stringify(spec.layer)).not.toContain('triangle-down');
    expect(chartOf(seedTrace(), { showPrints: true }).data.filter(d => d.g === 'print').length).toBe(7);
  });

  it('showSteps: true keeps each step as its own segment; false merges adjacent steps', () => {
    // Three sleep(0) yields in a row at t = 0, then a 1 s sleep.
    const b = new TraceBuilder();
    b.create(0, 0, 'main', null, 'root');
    for (let i = 0; i < 3; i++) b.step(0, 0, s => s.suspend(0, 0, 'yield', 'sleep(0)')).wake(0, 0);
    b.step(0, 0, s => s.suspend(0, 0, 'sleep', 'sleep(1)'))
      .wake(1, 0)
      .step(1, 0, s => s.finish(1, 0, 'result', 'undefined'));
    const trace = b.end(1);
    const merged = rowData(chartOf(trace, { showSteps: false }).data, 'main', 'tick');
    expect(merged.map(d => [d.t0, d.what])).toEqual([
      [0, 'running (4 steps)'],
      [1, 'running (1 step)']
    ]);
    const steps = rowData(chartOf(trace, { showSteps: true }).data, 'main', 'tick');
    expect(steps.map(d => d.t0)).toEqual([0, 0, 0, 0, 1]);
  });

  it('a print budget keeps print-heavy runs small and says how many were not drawn', () => {
    const b = new TraceBuilder();
    b.create(0, 0, 'main', null, 'root').step(0, 0, s => {
      for (let i = 0; i < 2_000; i++) s.print(0, 0, `line ${i}\n`);
      s.finish(0, 0, 'result', 'undefined');
    });
    const { data, title } = chartOf(b.end(0));
    expect(data.filter(d => d.g === 'print').length).toBe(500);
    expect(title.subtitle).toContain('1,500 more prints are not drawn.');
  });

  it('duplicate task names get their id so rows stay distinct', () => {
    const b = new TraceBuilder();
    b.create(0, 0, 'main', null, 'root').step(0, 0, s =>
      s.create(0, 1, 'worker', 0).create(0, 2, 'worker', 0).finish(0, 0, 'result', 'x')
    );
    b.step(0, 1, s => s.finish(0, 1, 'result', '1')).step(0, 2, s => s.finish(0, 2, 'result', '2'));
    const { rows, text } = chartOf(b.end(0));
    expect(rows.slice(1).map(r => r.replace(/^\u200b\u21b3\u00a0/, ''))).toEqual(['worker #1', 'worker #2']);
    expect(text).toContain('  worker #1');
  });

  it('nested children are ordered depth-first under their parent', () => {
    const b = new TraceBuilder();
    b.create(0, 0, 'main', null, 'root')
      .step(0, 0, s => s.create(0, 1, 'a', 0).create(0, 2, 'b', 0))
      .step(0, 1, s => s.create(0, 3, 'a.child', 1))
      .step(0, 3, s => s.create(0, 4, 'a.grandchild', 3));
    const trace = b.end(0);
    chartOf(trace);
    const model = buildChartModel(trace, OPTIONS);
    expect(model.rows.map(r => r.textLabel)).toEqual(['main', '  a', '    a.child', '      a.grandchild', '  b']);
    expect(model.rows.map(r => r.depth)).toEqual([0, 1, 2, 3, 1]);
  });
});
