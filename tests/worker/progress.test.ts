import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuntimeClient } from '../../src/runtime/runtime-client';
import { checkFromRuntime, checkProgress } from '../../src/runtime/protocol-check';
import { DEFAULT_CELL_OPTIONS, type CellProgress, type NbOutput } from '../../src/protocol';
import { bundleWorker, nodeWorkerFactory } from './node-worker';

let workerFile = '';
const clients: RuntimeClient[] = [];
beforeAll(async () => {
  workerFile = await bundleWorker();
});
afterAll(() => {
  for (const client of clients) client.dispose();
});

const GOOD: CellProgress = { clock: 'real', elapsedMs: 600, time: 0.6, tasksAlive: 3, steps: 12 };

describe('progress messages: the check', () => {
  it('accepts a well-formed report, with or without a chart', () => {
    expect(checkProgress(GOOD)).toBeNull();
    expect(checkProgress({ ...GOOD, chart: { mark: 'bar', data: { values: [] } } })).toBeNull();
    const checked = checkFromRuntime({ type: 'progress', requestId: 'r1', progress: GOOD });
    expect(checked).toEqual({ ok: true, message: { type: 'progress', requestId: 'r1', progress: GOOD } });
  });

  it('names what is wrong', () => {
    expect(checkProgress(null)).toBe('"progress" must be an object, got null');
    expect(checkProgress({ ...GOOD, clock: 'wall' })).toBe('"progress.clock" must be "virtual" or "real", got "wall"');
    expect(checkProgress({ ...GOOD, steps: -1 })).toBe('"progress.steps" must be a finite number >= 0, got -1');
    expect(checkProgress({ ...GOOD, time: NaN })).toBe('"progress.time" must be a finite number >= 0, got NaN');
    expect(checkProgress({ ...GOOD, chart: 'spec' })).toBe('"progress.chart" must be a JSON object (a Vega-Lite spec)');
    expect(checkProgress({ ...GOOD, chart: { f: () => 1 } })).toBe(
      '"progress.chart" must be a JSON object (a Vega-Lite spec)'
    );
    const bad = checkFromRuntime({ type: 'progress', requestId: 7, progress: GOOD });
    expect(bad).toEqual({ ok: false, problem: '"progress" message: "requestId" must be a string' });
  });
});

describe('progress through the real worker (worker_threads) and the RuntimeClient', () => {
  function client() {
    const c = new RuntimeClient(nodeWorkerFactory(workerFile));
    clients.push(c);
    return c;
  }

  it('a real-clock cell of ~2 s streams growing charts to onProgress, none of it among the outputs', async () => {
    const reports: CellProgress[] = [];
    const source =
      '// @coroutine-cells clock=real\n' +
      'async function w(i: number) { await sleep(0.15); }\n' +
      'for (let i = 1; i <= 14; i++) { createTask(w(i)); await sleep(0.15); }';
    const outcome = await client().run(
      { source, cellLabel: 'cell[1]', executionCount: 1, options: DEFAULT_CELL_OPTIONS },
      () => {},
      p => reports.push(p)
    );
    expect(outcome.status).toBe('ok');
    const charts = reports.filter(r => r.chart !== undefined);
    expect(charts.length).toBeGreaterThanOrEqual(3);
    const tasksIn = (r: CellProgress) => Number(/Running: (\d+) tasks/.exec(JSON.stringify(r.chart))?.[1]);
    expect(tasksIn(charts[charts.length - 1])).toBeGreaterThan(tasksIn(charts[0]));
    expect(reports[0].elapsedMs).toBeGreaterThanOrEqual(490);
    // The outputs are the final chart only (nothing of the progress).
    const text = JSON.stringify(outcome.outputs);
    expect(text).not.toContain('Running:');
    expect(text).toContain('Completed: 15 tasks');
  });

  it('a progress message of another request, or a malformed one from cell code, is not shown as progress', async () => {
    const reports: CellProgress[] = [];
    const outputs: NbOutput[] = [];
    const outcome = await client().run(
      {
        source: `postMessage({ type: 'progress', requestId: 'other', progress: ${JSON.stringify(GOOD)} });
postMessage({ type: 'progress', requestId: 'x', progress: { clock: 'real' } });`,
        cellLabel: 'cell[1]',
        executionCount: 1,
        options: { ...DEFAULT_CELL_OPTIONS, chart: { ...DEFAULT_CELL_OPTIONS.chart, enabled: false } }
      },
      o => outputs.push(o),
      p => reports.push(p)
    );
    expect(outcome.status).toBe('ok');
    expect(reports).toHaveLength(0);
    expect(JSON.stringify(outcome.outputs)).toContain('\\"progress.elapsedMs\\" must be a finite number >= 0');
  });
});
