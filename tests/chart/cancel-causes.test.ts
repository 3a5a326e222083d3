// Who cancelled whom, and the cell lines, in the chart and the text timeline; quiet cells get no chart (chart=auto).
import { describe, expect, it } from 'vitest';
import { runSource } from '../runtime/run-source';
import { VEGALITE_MIME } from '../../src/chart';

async function chartOf(source: string, chart: 'auto' | boolean = 'auto') {
  const result = await runSource(source, { chart: { enabled: chart } });
  const display = result.outputs.find(o => o.output_type === 'display_data' && VEGALITE_MIME in o.data);
  if (display === undefined || display.output_type !== 'display_data') return { result, data: null, text: '' };
  const spec = display.data[VEGALITE_MIME] as { data: { values: Record<string, unknown>[] } };
  return { result, data: spec.data.values, text: String(display.data['text/plain']) };
}

describe('cancellation causes in the chart', () => {
  it('a TaskGroup abort names the failing sibling, draws a line from its row, and the timeline lists it', async () => {
    const { data, text } = await chartOf(`async function slow() { await sleep(5); }
async function bad() { await sleep(1); throw new Error('boom'); }
try {
  await using tg = new TaskGroup();
  tg.createTask(slow());
  tg.createTask(bad());
} catch (e) {}`);
    const marks = data!.filter(d => d.g === 'mark' && String(d.what).startsWith('cancel requested'));
    expect(marks.map(d => d.what)).toContain('cancel requested: cancelled by TaskGroup#1: bad raised, while sleep(5)');
    const cause = data!.find(d => d.g === 'cause' && String(d.row).includes('slow'))!;
    expect(String(cause.row2)).toContain('bad');
    expect(text).toContain('cancel requests:\n');
    expect(text).toContain('1 s  slow: cancelled by TaskGroup#1: bad raised, while sleep(5)');
    expect(data!.find(d => d.g === 'mark' && String(d.what).startsWith('raised'))!.what).toBe(
      'raised an exception: Error: boom \u2014 at cell[1], line 2'
    );
  });

  it('names a timeout deadline, a waitFor deadline, an explicit cancel(msg) by a task, and the end of the run', async () => {
    const { text } = await chartOf(`async function sleeper(d: number) { await sleep(d); }
async function viaTimeout() { try { await using t = timeout(1); await sleep(5); } catch (e) {} }
async function viaWaitFor() { try { await waitFor(sleep(5), 2); } catch (e) {} }
const victim = createTask(sleeper(10), { name: 'victim' });
const a = createTask(viaTimeout());
const b = createTask(viaWaitFor());
createTask(sleeper(100), { name: 'leftover' });
await sleep(3);
victim.cancel('enough');
await gather(a, b);
await sleep(0);`);
    expect(text).toContain('viaTimeout: cancelled by a timeout() deadline (timeout at 1 s), while sleep(5)');
    expect(text).toContain('2 s  sleep: cancelled by the deadline of waitFor(2), while sleep(5)');
    expect(text).toContain('victim: cancel() by cell[1]: enough, while sleep(10)');
    expect(text).toContain('leftover: still running when the run finished: cancelled by the event loop');
  });

  it('a cancelled task passes the cancellation on to the task it awaits', async () => {
    const { text } = await chartOf(`async function inner() { await sleep(10); }
async function outer() { await createTask(inner(), { name: 'inner' }); }
const o = createTask(outer(), { name: 'outer' });
await sleep(1);
o.cancel();
try { await o; } catch (e) {}`);
    expect(text).toContain('inner: cancel passed on from outer, which awaited it and was cancelled');
  });
});

describe('chart=auto', () => {
  it('gives no chart to a print-only or declaration cell', async () => {
    expect((await chartOf('print("hello")')).data).toBeNull();
    expect((await chartOf('const x = 1; function f() { return x; }')).data).toBeNull();
  });

  it('charts a cell that sleeps or makes a task, and chart=on charts a quiet cell', async () => {
    expect((await chartOf('await sleep(1)')).data).not.toBeNull();
    expect((await chartOf('createTask(sleep(0))')).data).not.toBeNull();
    expect((await chartOf('print(1)', true)).data).not.toBeNull();
    expect((await chartOf('// @coroutine-cells chart=on\nprint(1)')).data).not.toBeNull();
  });
});
