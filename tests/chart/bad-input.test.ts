import { describe, expect, it } from 'vitest';
import { buildChartBundle } from '../../src/chart/index';
import { renderChartSvg } from '../../src/chart/render-png';
import { createTask, run, sleep } from '../../src/scheduler';
import { bare, chartOf, OPTIONS, rowData } from './chart-helpers';

import { asyncFn, print, runCell } from './real-run';
import { seedTrace, TraceBuilder } from './trace-builder';

const worker = asyncFn('worker', function* (d: number) {
  yield sleep(d);
  return d;
});

describe('bad input still gives a correct, legible chart', () => {
  it('a trace cut off by the trace cap: note in subtitle and text, a rule at the cut, rows stop there', async () => {
    const main = asyncFn('main', function* () {
      const tasks = [];
      for (let i = 1; i <= 40; i++) tasks.push(createTask(worker(i % 7)));
      for (const t of tasks) yield t;
    });
    const report = await runCell(
      function* () {
        run(main());
      },
      { traceCap: 150 }
    );
    expect(report.trace.truncated).toBe(true);
    const cut = report.trace.events.find(e => e.type === 'trace-truncated')!;
    const { title, data, text, rows } = chartOf(report.trace);
    const note = `Trace truncated at ${cut.t} s: the trace cap (150 events) was reached, later events are not shown.`;
    expect(title.subtitle).toContain(note);
    expect(text.split('\n')).toContain(note);
    expect(data.filter(d => d.g === 'rule')).toMatchObject([{ t0: cut.t }]);
    // Nothing is drawn after the cut, and no task is called unfinished: the trace just stops.
    for (const d of data.filter(d => d.g === 'bar' || d.g === 'tick'))
      expect(d.t1 as number).toBeLessThanOrEqual(cut.t);
    expect(data.some(d => d.k === 'never finished')).toBe(false);
    expect(rows.map(bare)[0]).toBe('main');
    // The title still has the real end of the run (run-end is kept past the cap).
    expect(title.text).toBe(`Completed: at least 41 tasks, 6 s of virtual time, ${report.steps} steps`);
  });

  it('a trace marked truncated without a marker event still says so', () => {
    const trace = { ...seedTrace(), truncated: true };
    const { title, text } = chartOf(trace);
    expect(title.subtitle?.[0]).toMatch(/^Trace truncated: the trace cap was reached/);
    expect(text).toContain('Trace truncated: the trace cap was reached');
  });

  it('a 10,000-character task name: label cut with an ellipsis, full name in the tooltip data', async () => {
    const long = 'n'.repeat(9_990) + '_the_end!!';
    const b = new TraceBuilder();
    b.create(0, 0, 'main', null, 'root')
      .step(0, 0, s => s.create(0, 1, long, 0).suspend(0, 0, 'task', long, 1))
      .step(0, 1, s => s.suspend(0, 1, 'sleep', 'sleep(2)'))
      .wake(2, 1)
      .step(2, 1, s => s.finish(2, 1, 'result', '1'))
      .wake(2, 0)
      .step(2, 0, s => s.finish(2, 0, 'result', 'undefined'));
    const { rows, names, text, spec } = chartOf(b.end(2));
    expect(bare(rows[1])).toBe('n'.repeat(31) + '\u2026');
    expect(names[1].task).toBe(long);
    expect(
      text
        .split('\n')
        .find(l => l.startsWith('  n'))!
        .startsWith('  ' + 'n'.repeat(31) + '\u2026  #')
    ).toBe(true);
    // The visible text has the cut label only (aria-labels may carry the full name for screen readers).
    const svgText = [...(await renderChartSvg(spec)).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(m => m[1]);
    expect(svgText).toContain('\u200b\u21b3\u00a0' + 'n'.repeat(31) + '\u2026');
    expect(svgText.some(t => t.includes('_the_end!!'))).toBe(false);
    // The wait on the long-named task is shortened too.
    const wait = String(rowData(chartOf(b.build()).data, 'main', 'bar')[0].what);
    expect(wait).toMatch(/^awaiting n+\u2026$/);
    expect(wait.length).toBe(300);
  });

  it('HTML in a task name and in printed text stays text: raw in the data, escaped in SVG', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const b = new TraceBuilder();
    b.create(0, 0, `<b>${evil}</b>`, null, 'root')
      .step(0, 0, s => s.print(0, 0, `<script>alert("hi")</script> & ${evil}\n`).suspend(0, 0, 'sleep', 'sleep(1)'))
      .wake(1, 0)
      .step(1, 0, s => s.finish(1, 0, 'exception', `Error: <i>${evil}</i>`));
    const { data, names, text, spec, rows } = chartOf(b.end(1, 'failed', `Error: <i>${evil}</i>`));
    expect(names[0].task).toBe(`<b>${evil}</b>`);
    expect(data.find(d => d.g === 'print')!.what).toBe(`print: <script>alert("hi")</script> & ${evil}`);
    expect(data.find(d => d.g === 'mark')!.what).toBe(`raised an exception: Error: <i>${evil}</i>`);
    expect(text).toContain(`! Error: <i>${evil}</i>`);
    // Tooltips are plain fields (vega-tooltip escapes them); no format or HTML formatter is used.
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/"format(Type)?"|text\/html|innerHTML/);
    const tooltips = spec.layer.flatMap((layer: any) => layer.encoding.tooltip ?? []);
    expect(tooltips.length).toBeGreaterThanOrEqual(9);
    for (const t of tooltips) expect(Object.keys(t).sort()).toEqual(['field', 'title', 'type']);
    // The outcome note beside the end marker is plain text too.
    expect(data.find(d => d.g === 'label')!.lbl).toBe('Error: <i><img src=x on\u2026');
    const svg = await renderChartSvg(spec);
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;b&gt;&lt;img');
    expect(rows[0]).toBe(`<b>${evil}</b>`.slice(0, 31) + '\u2026');
  });

  it('newlines and control characters in names and prints become single-line text', () => {
    const b = new TraceBuilder();
    b.create(0, 0, 'two\nlines\tand\u0007bell', null, 'root').step(0, 0, s =>
      s.print(0, 0, 'a\nb\n').finish(0, 0, 'result', 'x')
    );
    const { rows, data, text } = chartOf(b.end(0));
    expect(rows[0]).toBe('two\u21b5 lines and?bell');
    expect(data.find(d => d.g === 'print')!.what).toBe('print: a\u21b5 b');
    expect(text).toContain('two\u21b5 lines and?bell');
  });

  it('zero tasks besides main: a cell body that only prints keeps its row', async () => {
    const report = await runCell(function* () {
      print('hello');
    });
    const { rows, data, title, text } = chartOf(report.trace);
    expect(rows).toEqual(['cell[1]']);
    expect(rowData(data, 'cell[1]', 'print')).toMatchObject([{ t0: 0, what: 'print: hello' }]);
    expect(rowData(data, 'cell[1]', 'mark')).toMatchObject([{ k: 'returned a result', t0: 0 }]);
    expect(title.text).toMatch(/^Completed: 1 task, 0 s of virtual time, 1 step$/);
    expect(text).toMatch(/\ncell\[1\]\s+# {2}= undefined\n/);
  });

  it('a cell body that does nothing at all keeps its row (there is nothing else to show)', async () => {
    const report = await runCell(function* () {});
    const { rows } = chartOf(report.trace);
    expect(rows).toEqual(['cell[1]']);
  });

  it('an empty trace gives a valid chart that says no tasks ran', () => {
    const { spec, title, text } = chartOf({ clock: 'virtual', events: [], truncated: false });
    expect(title.text).toBe('Run (no end recorded): 0 tasks, 0 s of virtual time');
    expect(JSON.stringify(spec.layer)).toContain('no tasks ran');
    expect(text.split('\n')[0]).toBe(title.text);
    expect(text).toContain('\n(no tasks)\n');
  });

  it('a deadlock with no cleanup recorded: the waits run to the end with a "never finished" marker', () => {
    const b = new TraceBuilder();
    b.create(0, 0, 'main', null, 'root')
      .step(0, 0, s => s.create(0, 1, 'holder', 0).suspend(0, 0, 'task', 'holder', 1))
      .step(0, 1, s => s.suspend(0, 1, 'lock', 'Lock#1'));
    const { data, text, title } = chartOf(b.end(0, 'deadlock', "deadlock:\n  task 'holder' waits on Lock#1"));
    expect(title.text).toBe('Deadlock: 2 tasks, 0 s of virtual time, 2 steps');
    const holder = data.filter(d => bare(String(d.row)) === 'holder' && d.g === 'mark');
    expect(holder).toMatchObject([
      { k: 'never finished', what: 'never finished: not finished when the run ended (awaiting Lock#1)' }
    ]);
    expect(text).toMatch(/holder\s+#\s+\? never finished/);
    expect(text).toContain("  task 'holder' waits on Lock#1");
  });

  it('a time budget: the title says so and the sleeping task reaches the end', () => {
    const b = new TraceBuilder();
    b.create(0, 0, 'main', null, 'root').step(0, 0, s => s.suspend(0, 0, 'sleep', 'sleep(100000)'));
    const { data, title } = chartOf(
      b.end(86_400, 'time-budget', 'BudgetExceededError: virtual time budget of 86400 s exceeded')
    );
    expect(title.text).toBe('Stopped by the time budget: 1 task, 86400 s of virtual time, 1 step');
    expect(title.subtitle).toEqual(['BudgetExceededError: virtual time budget of 86400 s exceeded']);
    expect(rowData(data, 'main', 'bar')).toMatchObject([{ s: 'sleeping', t0: 0, t1: 86_400 }]);
  });

  it('a real-clock trace uses milliseconds', () => {
    const b = new TraceBuilder('real');
    b.create(0, 0, 'main', null, 'root')
      .step(0, 0, s => s.suspend(0.0004, 0, 'sleep', 'sleep(0.25)'), 0.0005)
      .wake(0.2512, 0)
      .step(0.2514, 0, s => s.finish(0.2515, 0, 'result', 'undefined'), 0.2516);
    const { spec, data, title, text } = chartOf(b.end(0.2516));
    expect(spec.layer[0].encoding.x.title).toBe('real time (ms)');
    expect(title.text).toBe('Completed: 1 task, 251.6 ms of real time, 2 steps');
    // The timer was due at 250.4 ms; the task ran at 251.4 ms: ready for the last millisecond.
    expect(rowData(data, 'main', 'bar')).toMatchObject([
      { s: 'sleeping', t0: 0.4, t1: 250.4, when: '0.4 ms \u2192 250.4 ms (250 ms)' },
      { s: 'ready (waiting for its turn)', t0: 250.4, t1: 251.4 }
    ]);
    const [, header, ruler, line] = text.split('\n');
    expect(header).toMatch(/^time \(ms\) {2}0 +50 +100 +150 +200 +250$/);
    // The scale, the ruler and the task line start in the same column.
    expect(header.indexOf(' 0') + 1).toBe(ruler.indexOf('|'));
    expect(ruler.indexOf('|')).toBe(line.indexOf('#'));
  });

  it('argument checks name the argument and the value', () => {
    expect(() => buildChartBundle(null as any, OPTIONS)).toThrow(
      'buildChartBundle(): trace must be an object with an events array, got null'
    );
    expect(() => buildChartBundle({ clock: 'wall', events: [], truncated: false } as any, OPTIONS)).toThrow(
      `buildChartBundle(): trace.clock must be 'virtual' or 'real', got "wall"`
    );
    expect(() => buildChartBundle(seedTrace(), { ...OPTIONS, rowLimit: 0 })).toThrow(
      'buildChartBundle(): options.rowLimit must be an integer >= 1, got 0'
    );
    expect(() => buildChartBundle(seedTrace(), { ...OPTIONS, rowLimit: NaN })).toThrow('got NaN');
    expect(() => buildChartBundle(seedTrace(), { ...OPTIONS, showPrints: 'yes' as any })).toThrow(
      'buildChartBundle(): options.showPrints must be a boolean, got "yes"'
    );
  });

  it('absurd task ids do not make the summary allocate per id', () => {
    const b = new TraceBuilder();
    b.create(0, 0, 'main', null, 'root').step(0, 0, s => s.create(0, 1, 'a', 0).create(0, 2_000_000_000, 'far', 0));
    b.step(0, 1, s => s.finish(0, 1, 'result', '1')).step(0, 2_000_000_000, s =>
      s.finish(0, 2_000_000_000, 'result', '2')
    );
    const { rows, text } = chartOf(b.end(0), { rowLimit: 1 });
    expect(rows).toEqual(['main', '+2 more tasks']);
    expect(text).toContain('+2 more tasks');
  });
});
