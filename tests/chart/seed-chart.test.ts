import { describe, expect, it } from 'vitest';
import { buildChartModel } from '../../src/chart/index';
import { bare, chartOf, OPTIONS, rowData } from './chart-helpers';
import { seedTrace } from './trace-builder';

describe('the seed example chart (hand-made trace)', () => {
  const { spec, text, data, rows, names, title, bundle } = chartOf(seedTrace());

  it('has exactly main, task1, task2 (the define-and-run cell body is left out), children indented', () => {
    expect(rows.map(bare)).toEqual(['main', 'task1', 'task2']);
    expect(rows[0]).toBe('main');
    expect(rows[1]).not.toBe('task1'); // indented under main
    expect(rows[1].endsWith('task1')).toBe(true);
    const model = buildChartModel(seedTrace(), OPTIONS);
    expect(model.rows.map(r => [r.name, r.depth])).toEqual([
      ['main', 0],
      ['task1', 1],
      ['task2', 1]
    ]);
  });

  it('task2 sleeps until 1 s and returns there; task1 sleeps until 3 s; main waits on both until 3 s', () => {
    const [main, task1, task2] = rows;
    expect(rowData(data, task2, 'bar')).toMatchObject([{ s: 'sleeping', t0: 0, t1: 1, what: 'sleep(1)' }]);
    expect(rowData(data, task1, 'bar')).toMatchObject([{ s: 'sleeping', t0: 0, t1: 3, what: 'sleep(3)' }]);
    expect(rowData(data, main, 'bar')).toMatchObject([
      { s: 'awaiting a task / future / gather', t0: 0, t1: 3, what: 'awaiting gather#1 (task1, task2)' }
    ]);
    expect(rowData(data, task2, 'mark')).toMatchObject([
      { k: 'returned a result', t0: 1, what: "returned a result: 'Task 2 result'" }
    ]);
    expect(rowData(data, task1, 'mark')).toMatchObject([{ k: 'returned a result', t0: 3 }]);
    expect(rowData(data, main, 'mark')).toMatchObject([{ k: 'returned a result', t0: 3 }]);
    // Each task runs at the instants it was woken: ticks at 0 and at its end.
    expect(rowData(data, task2, 'tick').map(d => d.t0)).toEqual([0, 1]);
    expect(rowData(data, task1, 'tick').map(d => d.t0)).toEqual([0, 3]);
  });

  it('writes the wait inside wide bars and the result beside the end marker (for static images)', () => {
    const [main, task1, task2] = rows;
    expect(rowData(data, main, 'inbar').map(d => d.lbl)).toEqual(['awaiting gather#1 (task1, task2)']);
    expect(rowData(data, task1, 'inbar').map(d => d.lbl)).toEqual(['sleep(3)']);
    expect(rowData(data, task2, 'inbar').map(d => d.lbl)).toEqual(['sleep(1)']);
    expect(rowData(data, task2, 'label')).toMatchObject([{ t0: 1, lbl: "'Task 2 result'" }]);
    expect(rowData(data, task1, 'label')).toMatchObject([{ t0: 3, lbl: "'Task 1 result'" }]);
    // main returned undefined: nothing worth writing.
    expect(rowData(data, main, 'label')).toEqual([]);
  });

  it('marks every print with its text', () => {
    // Stable sort by time: data is grouped by row, each row in time order.
    const prints = data.filter(d => d.g === 'print').sort((a, b) => (a.t0 as number) - (b.t0 as number));
    expect(prints.map(d => [bare(d.row as string), d.t0, d.what])).toEqual([
      ['main', 0, 'print: Main: Start'],
      ['task1', 0, 'print: Task 1: Start'],
      ['task2', 0, 'print: Task 2: Start'],
      ['task2', 1, 'print: Task 2: End'],
      ['main', 3, "print: Results: [ 'Task 1 result', 'Task 2 result' ]"],
      ['main', 3, 'print: Main: End'],
      ['task1', 3, 'print: Task 1: End']
    ]);
  });

  it('has a title that sums up the run, a v5 schema, task names for tooltips and no text/html', () => {
    expect(title.text).toBe('Completed: 3 tasks, 3 s of virtual time, 7 steps');
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect(names.map(n => n.task)).toEqual(['main', 'task1 (in gather#1)', 'task2 (in gather#1)']);
    expect(Object.keys(bundle.data).sort()).toEqual(['application/vnd.vegalite.v5+json', 'text/plain']);
    expect(bundle.metadata).toEqual({ 'coroutine-cells': { chart: true } });
  });

  it('uses a transparent background and sets no text colour (the theme decides)', () => {
    expect(spec.config.background).toBe('transparent');
    const json = JSON.stringify(spec);
    expect(json).not.toMatch(/"(labelColor|titleColor|font)"/);
    expect(json).not.toMatch(/#000000|"black"/i);
  });

  it('text timeline: scale on top, one line per task, outcome at the end', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('Completed: 3 tasks, 3 s of virtual time, 7 steps');
    expect(lines[1]).toMatch(/^time \(s\)\s+0\s+0\.5\s+1\s+1\.5\s+2\s+2\.5\s+3$/);
    const task2 = lines.find(l => l.startsWith('  task2'))!;
    const task1 = lines.find(l => l.startsWith('  task1'))!;
    const main = lines.find(l => l.startsWith('main'))!;
    // 60 columns for 3 s: task2 wakes and ends at column 20 (1 s), task1 and main at 60 (3 s).
    const cells = (line: string) => line.slice(10, 71);
    expect(cells(task2)).toBe('#' + 'z'.repeat(19) + '#' + ' '.repeat(40));
    expect(cells(task1)).toBe('#' + 'z'.repeat(59) + '#');
    expect(cells(main)).toBe('#' + 'a'.repeat(59) + '#');
    expect(task2.endsWith("= 'Task 2 result'")).toBe(true);
    expect(lines.at(-2)).toMatch(/^legend: # running, z sleeping, a awaiting/);
  });

  it('matches the stored snapshots', async () => {
    await expect(JSON.stringify(spec, null, 1)).toMatchFileSnapshot('__snapshots__/seed-handmade.vl.json');
    await expect(text).toMatchFileSnapshot('__snapshots__/seed-handmade.txt');
  });

  it('is deterministic', () => {
    const again = chartOf(seedTrace());
    expect(again.text).toBe(text);
    expect(JSON.stringify(again.spec)).toBe(JSON.stringify(spec));
  });
});
