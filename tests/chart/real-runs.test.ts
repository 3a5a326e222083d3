import { describe, expect, it } from 'vitest';
import { blockingSleep, createTask, Future, gather, run, sleep } from '../../src/scheduler';
import { bare, chartOf, rowData } from './chart-helpers';
import { runSource } from '../runtime/run-source';
import { asyncFn, print, runCell } from './real-run';

const task1 = asyncFn('task1', function* () {
  print('Task 1: Start');
  yield sleep(3);
  print('Task 1: End');
  return 'Task 1 result';
});
const task2 = asyncFn('task2', function* () {
  print('Task 2: Start');
  yield sleep(1);
  print('Task 2: End');
  return 'Task 2 result';
});

describe('charts of real scheduler runs', () => {
  it('seed example: run(main()) with gather(task1(), task2()) shows main, task1, task2', async () => {
    const main = asyncFn('main', function* () {
      print('Main: Start');
      const results = yield gather(task1(), task2());
      print('Results:', results);
      print('Main: End');
    });
    const report = await runCell(function* () {
      run(main());
    });
    const { rows, data, text, title, spec } = chartOf(report.trace);
    expect(rows.map(bare)).toEqual(['main', 'task1', 'task2']);
    const [mainRow, task1Row, task2Row] = rows;
    expect(rowData(data, task2Row, 'bar')).toMatchObject([{ s: 'sleeping', t0: 0, t1: 1, what: 'sleep(1)' }]);
    expect(rowData(data, task2Row, 'mark')).toMatchObject([{ k: 'returned a result', t0: 1 }]);
    expect(rowData(data, task1Row, 'bar')).toMatchObject([{ s: 'sleeping', t0: 0, t1: 3, what: 'sleep(3)' }]);
    expect(rowData(data, task1Row, 'mark')).toMatchObject([{ k: 'returned a result', t0: 3 }]);
    expect(rowData(data, mainRow, 'bar')).toMatchObject([{ t0: 0, t1: 3, what: 'awaiting gather#1 (task1, task2)' }]);
    expect(rowData(data, mainRow, 'mark')).toMatchObject([{ k: 'returned a result', t0: 3 }]);
    expect(title.text).toMatch(/^Completed: 3 tasks, 3 s of virtual time, \d+ steps$/);
    await expect(JSON.stringify(spec, null, 1)).toMatchFileSnapshot('__snapshots__/seed-run.vl.json');
    await expect(text).toMatchFileSnapshot('__snapshots__/seed-run.txt');
  });

  it('sequential awaits of coroutines run inline in one task and take the sum of the times', async () => {
    const main = asyncFn('main', function* () {
      yield task1();
      yield task2();
    });
    const report = await runCell(function* () {
      run(main());
    });
    const { rows, data, text, title } = chartOf(report.trace);
    expect(rows).toEqual(['main']);
    expect(rowData(data, 'main', 'bar')).toMatchObject([
      { s: 'sleeping', t0: 0, t1: 3, what: 'sleep(3)' },
      { s: 'sleeping', t0: 3, t1: 4, what: 'sleep(1)' }
    ]);
    expect(title.text).toMatch(/^Completed: 1 task, 4 s of virtual time/);
    await expect(text).toMatchFileSnapshot('__snapshots__/sequential-run.txt');
  });

  it('createTask + await: tasks under main, awaiting task1 then task2', async () => {
    const main = asyncFn('main', function* () {
      const t1 = createTask(task1());
      const t2 = createTask(task2());
      yield t1;
      yield t2;
    });
    const report = await runCell(function* () {
      run(main());
    });
    const { rows, data, text } = chartOf(report.trace);
    expect(rows.map(bare)).toEqual(['main', 'task1', 'task2']);
    expect(rowData(data, 'main', 'bar')).toMatchObject([{ t0: 0, t1: 3, what: 'awaiting task1' }]);
    await expect(text).toMatchFileSnapshot('__snapshots__/create-task-run.txt');
  });

  it('a cell body that awaits keeps its own row, on top, with the roots under it', async () => {
    const report = await runCell(function* () {
      print('before');
      yield sleep(2);
      yield run(task2());
    });
    const { rows, data } = chartOf(report.trace);
    expect(rows.map(bare)).toEqual(['cell[1]', 'task2']);
    expect(rowData(data, 'cell[1]', 'bar')[0]).toMatchObject({ s: 'sleeping', t0: 0, t1: 2 });
  });

  it('a failing task: its exception marker carries the error, the failed run still gets a chart', async () => {
    const boom = asyncFn('boom', function* () {
      yield sleep(1);
      throw new Error('boom <b>bold</b>');
    });
    const main = asyncFn('main', function* () {
      yield gather(boom(), task2());
    });
    const report = await runCell(function* () {
      yield run(main());
    });
    expect(report.status).toBe('error');
    const { rows, data, text, title } = chartOf(report.trace);
    const boomRow = rows.find(r => bare(r) === 'boom')!;
    expect(rowData(data, boomRow, 'mark')).toMatchObject([{ k: 'raised an exception', t0: 1 }]);
    expect(String(rowData(data, boomRow, 'mark')[0].what)).toContain('boom <b>bold</b>');
    expect(title.text).toMatch(/^Failed: /);
    expect(text).toMatch(/boom\s+#z+#\s+! .*boom <b>bold<\/b>/);
  });

  it('a deadlock: the title and subtitle say so, the cancellation says what the task was awaiting', async () => {
    const main = asyncFn('main', function* () {
      yield sleep(1);
      yield new Future();
    });
    const report = await runCell(function* () {
      yield run(main());
    });
    expect(report.reason).toBe('deadlock');
    const { rows, data, title, text } = chartOf(report.trace);
    expect(title.text).toMatch(/^Deadlock: /);
    const mainRow = rows.find(r => bare(r) === 'main')!;
    expect(rowData(data, mainRow, 'bar')).toMatchObject([{ s: 'sleeping', t0: 0, t1: 1 }]);
    const marks = rowData(data, mainRow, 'mark');
    expect(marks.map(m => [m.k, m.t0])).toEqual([
      ['cancel requested', 1],
      ['cancelled', 1]
    ]);
    expect(marks[0].what).toMatch(/while awaiting Future#1$/);
    expect(title.subtitle).toContain("  task 'main' waits on Future#1");
    expect(text).toContain("  task 'main' waits on Future#1");
    expect(text.split('\n')[0]).toBe('Deadlock: 2 tasks, 1 s of virtual time, 5 steps');
  });

  it('a step budget: the spinning task is cut at the end, the title names the budget', async () => {
    const spin = asyncFn('spin', function* () {
      for (;;) yield sleep(0);
    });
    const report = await runCell(
      function* () {
        yield run(spin());
      },
      { maxSteps: 200 }
    );
    expect(report.reason).toBe('step-budget');
    const { title, rows, data } = chartOf(report.trace);
    expect(title.text).toMatch(/^Stopped by the step budget: /);
    const spinRow = rows.find(r => bare(r) === 'spin')!;
    // Hundreds of sleep(0) steps at time 0 merge into one running instant.
    const ticks = rowData(data, spinRow, 'tick');
    expect(ticks.length).toBeLessThanOrEqual(2);
    expect(String(ticks[0].what)).toMatch(/running \(\d+ steps\)/);
  });

  it('blocking the loop: main blocks 2 s, the task it created waits ready (not running) until then', async () => {
    const short = asyncFn('short', function* () {
      yield sleep(1);
      return 'done';
    });
    const main = asyncFn('main', function* () {
      const t = createTask(short());
      blockingSleep(2);
      print('unblocked');
      yield t;
    });
    const report = await runCell(function* () {
      run(main());
    });
    const { rows, data, text } = chartOf(report.trace);
    const [mainRow, shortRow] = rows;
    expect(bare(shortRow)).toBe('short');
    expect(rowData(data, mainRow, 'bar')).toMatchObject([
      { s: 'blocking the loop', t0: 0, t1: 2, what: 'blockingSleep(2) holds the loop' },
      { s: 'awaiting a task / future / gather', t0: 2, t1: 3, what: 'awaiting short' }
    ]);
    expect(rowData(data, shortRow, 'bar')).toMatchObject([
      { s: 'ready (waiting for its turn)', t0: 0, t1: 2 },
      { s: 'sleeping', t0: 2, t1: 3 }
    ]);
    expect(rowData(data, mainRow, 'print')).toMatchObject([{ t0: 2, what: 'print: unblocked' }]);
    await expect(text).toMatchFileSnapshot('__snapshots__/blocking-run.txt');
  });

  it('TaskGroup (compiled cell source): children under main; one fails, the other is cancelled', async () => {
    const source = [
      'async function slow() { await sleep(5); }',
      'async function bad() { await sleep(1); throw new Error("bad input"); }',
      'async function main() {',
      '  await using tg = new TaskGroup();',
      '  tg.createTask(slow());',
      '  tg.createTask(bad());',
      '}',
      'await run(main());'
    ].join('\n');
    const result = await runSource(source);
    expect(result.status).toBe('error');
    const { rows, data, text, title } = chartOf(result.trace);
    expect(rows.map(bare)).toEqual(['cell[1]', 'main', 'slow', 'bad']);
    const [, mainRow, slowRow, badRow] = rows;
    expect(rowData(data, badRow, 'mark')).toMatchObject([{ k: 'raised an exception', t0: 1 }]);
    expect(rowData(data, slowRow, 'bar')).toMatchObject([{ s: 'sleeping', t0: 0, t1: 1 }]);
    expect(rowData(data, slowRow, 'mark').map(m => [m.k, m.t0])).toEqual([
      ['cancel requested', 1],
      ['cancelled', 1]
    ]);
    expect(String(rowData(data, slowRow, 'mark')[0].what)).toMatch(
      /^cancel requested: cancelled by TaskGroup#\d+: bad raised, while sleep\(5\)$/
    );
    expect(rowData(data, mainRow, 'bar')[0]).toMatchObject({ t0: 0, t1: 1 });
    expect(String(rowData(data, mainRow, 'bar')[0].what)).toMatch(
      /^awaiting TaskGroup#\d+ \(slow, bad\) \u2014 at cell\[1\], line \d+$/
    );
    expect(title.text).toMatch(/^Failed: 4 tasks, 1 s of virtual time/);
    await expect(text).toMatchFileSnapshot('__snapshots__/taskgroup-run.txt');
  });

  it('an outside wait (a real Promise) in virtual time shows as a grey instant, off the clock', async () => {
    const source =
      'async function f() { await sleep(1); await new Promise(r => setTimeout(r, 10)); await sleep(1); }\nawait run(f());';
    const result = await runSource(source);
    const { rows, data, text } = chartOf(result.trace);
    const fRow = rows.find(r => bare(r) === 'f')!;
    const outside = rowData(data, fRow, 'tick').filter(d => d.s === 'outside wait (real promise)');
    expect(outside).toMatchObject([
      { t0: 1, t1: 1, what: 'outside wait: Promise \u2014 at cell[1], line 1 (took real time, off the virtual clock)' }
    ]);
    // Drawn after (on top of) the running ticks at the same instant.
    const ticks = data.filter(d => d.g === 'tick');
    expect(ticks.indexOf(outside[0])).toBe(ticks.length - 1);
    const line = text.split('\n').find(l => l.startsWith('  f '))!;
    expect(line.slice(10, 71)).toBe('#' + 'z'.repeat(29) + 'o' + 'z'.repeat(29) + '#');
    expect(text).toContain('o outside wait (real promise)');
  });

  it('a real-clock run: milliseconds on the axis, sleeps as bars, steps as ticks, no sub-pixel waits', async () => {
    const quick = asyncFn('quick', function* () {
      yield sleep(0.03);
      return 1;
    });
    const slow = asyncFn('slow', function* () {
      yield sleep(0.06);
      return 2;
    });
    const main = asyncFn('main', function* () {
      yield gather(quick(), slow());
    });
    const report = await runCell(
      function* () {
        run(main());
      },
      { clock: 'real' }
    );
    const { spec, rows, data, title } = chartOf(report.trace);
    expect(spec.layer[0].encoding.x.title).toBe('real time (ms)');
    expect(title.text).toMatch(/^Completed: 3 tasks, \d+(\.\d+)? ms of real time, 7 steps$/);
    const slowRow = rows.find(r => bare(r) === 'slow')!;
    const sleepBar = rowData(data, slowRow, 'bar').find(d => d.s === 'sleeping')!;
    expect((sleepBar.t1 as number) - (sleepBar.t0 as number)).toBeGreaterThanOrEqual(59);
    expect(rowData(data, slowRow, 'tick').every(d => d.s === 'running')).toBe(true);
    for (const d of data.filter(d => d.g === 'tick')) expect(['running', 'outside wait (real promise)']).toContain(d.s);
  });

  it('a sleep whose timer fell due while the loop was blocked shows as ready from the due time', async () => {
    const ticker = asyncFn('ticker', function* () {
      yield sleep(0.5);
      print('tick');
    });
    const hog = asyncFn('hog', function* () {
      yield sleep(0.25);
      blockingSleep(1.5);
    });
    const main = asyncFn('main', function* () {
      yield gather(ticker(), hog());
    });
    const report = await runCell(function* () {
      run(main());
    });
    const { rows, data, text } = chartOf(report.trace);
    const tickerRow = rows.find(r => bare(r) === 'ticker')!;
    expect(rowData(data, tickerRow, 'bar')).toMatchObject([
      { s: 'sleeping', t0: 0, t1: 0.5, what: 'sleep(0.5)' },
      {
        s: 'ready (waiting for its turn)',
        t0: 0.5,
        t1: 1.75,
        what: 'ready: sleep(0.5) was over at 0.5 s, but the loop was busy'
      }
    ]);
    expect(rowData(data, tickerRow, 'print')).toMatchObject([{ t0: 1.75 }]);
    const hogRow = rows.find(r => bare(r) === 'hog')!;
    expect(rowData(data, hogRow, 'bar')).toMatchObject([
      { s: 'sleeping', t0: 0, t1: 0.25 },
      { s: 'blocking the loop', t0: 0.25, t1: 1.75 }
    ]);
    await expect(text).toMatchFileSnapshot('__snapshots__/late-timer-run.txt');
  });
});
