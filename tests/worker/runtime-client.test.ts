import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RuntimeClient } from '../../src/runtime/runtime-client';
import { DEFAULT_CELL_OPTIONS, type CellOptions, type NbOutput } from '../../src/protocol';
import { bundleWorker, nodeWorkerFactory } from './node-worker';

const OPTIONS: CellOptions = { ...DEFAULT_CELL_OPTIONS, chart: { ...DEFAULT_CELL_OPTIONS.chart, enabled: false } };
let workerFile = '';
const clients: RuntimeClient[] = [];

beforeAll(async () => {
  workerFile = await bundleWorker();
});
afterAll(() => {
  for (const client of clients) client.dispose();
});

function makeClient(graceMs = 1_500) {
  const factory = nodeWorkerFactory(workerFile);
  const client = new RuntimeClient(factory, { interruptGraceMs: graceMs });
  clients.push(client);
  let n = 0;
  const run = (source: string, onOutput?: (o: NbOutput) => void) => {
    n++;
    return client.run({ source, cellLabel: `cell[${n}]`, executionCount: n, options: OPTIONS }, onOutput);
  };
  return { client, factory, run };
}

const stdout = (outputs: NbOutput[]) =>
  outputs.map(o => (o.output_type === 'stream' && o.name === 'stdout' ? o.text : '')).join('');
const errorOf = (outputs: NbOutput[]) =>
  outputs.find(o => o.output_type === 'error') as Extract<NbOutput, { output_type: 'error' }> | undefined;

describe('RuntimeClient with the worker in worker_threads', () => {
  it('creates the worker lazily, runs cells in order and keeps state between them', async () => {
    const { factory, run } = makeClient();
    expect(factory.created).toBe(0);
    const first = run('const base = 40;\nasync function add(x: number) { await sleep(1); return base + x; }');
    const second = run('print(await add(2), now());');
    const [a, b] = await Promise.all([first, second]);
    expect(factory.created).toBe(1);
    expect(a.status).toBe('ok');
    expect(stdout(b.outputs)).toBe('42 1\n');
  });

  it('warmUp starts the worker before the first run; the run reuses it', async () => {
    const { factory, run, client } = makeClient();
    client.warmUp();
    expect(factory.created).toBe(1);
    const result = await run('print("warm");');
    expect(stdout(result.outputs)).toBe('warm\n');
    expect(factory.created).toBe(1);
  });

  it('streams outputs in batches: many prints arrive in few messages, nothing lost at the end', async () => {
    const { run } = makeClient();
    const seen: NbOutput[] = [];
    const result = await run('for (let i = 0; i < 1500; i++) print(`line ${i}`);\nprint("done");', o => seen.push(o));
    expect(seen.length).toBeLessThan(20);
    expect(stdout(result.outputs).split('\n').slice(-3)).toEqual(['line 1499', 'done', '']);
  });

  it('a million prints reach the page as a few messages: head, elision note, tail', async () => {
    const { run } = makeClient();
    const seen: NbOutput[] = [];
    const result = await run('for (let i = 0; i < 1_000_000; i++) print(`line ${i}`);', o => seen.push(o));
    expect(result.status).toBe('ok');
    expect(seen.length).toBeLessThan(50);
    const text = stdout(result.outputs);
    expect(text.startsWith('line 0\nline 1\n')).toBe(true);
    expect(text).toMatch(/output elided: [\d,]+ lines/);
    expect(text.endsWith('line 999998\nline 999999\n')).toBe(true);
  });

  it('interrupt cancels an async loop: finally runs, KeyboardInterrupt, state kept', async () => {
    const { factory, run, client } = makeClient();
    await run('const kept = "still here";');
    const running = run(`// @coroutine-cells clock=real
try {
  while (true) await sleep(0.02);
} finally {
  print("cleanup ran");
}`);
    await new Promise(r => setTimeout(r, 300));
    client.interrupt();
    const result = await running;
    expect(result.status).toBe('interrupted');
    expect(stdout(result.outputs)).toBe('cleanup ran\n');
    expect(errorOf(result.outputs)?.ename).toBe('KeyboardInterrupt');
    const after = await run('print(kept);');
    expect(stdout(after.outputs)).toBe('still here\n');
    expect(factory.created).toBe(1);
  });

  it('a cell that swallows the cancellation is ended by the second interrupt, keeping the worker', async () => {
    const { factory, run, client } = makeClient(1_000);
    await run('const kept = 1;');
    const running = run(`// @coroutine-cells clock=real
let ignored = 0;
while (true) {
  try { await sleep(0.02); } catch { if (ignored++ === 0) print("ignored the cancellation"); }
}`);
    await new Promise(r => setTimeout(r, 300));
    client.interrupt();
    const result = await running;
    expect(result.status).toBe('interrupted');
    expect(stdout(result.outputs)).toBe('ignored the cancellation\n');
    expect(errorOf(result.outputs)?.ename).toBe('KeyboardInterrupt');
    expect(stdout((await run('print(kept);')).outputs)).toBe('1\n');
    expect(factory.created).toBe(1);
  });

  it('interrupt of a synchronous while(true) replaces the worker within 2 s and says state is gone', async () => {
    const { factory, run, client } = makeClient(1_000);
    await run('const lost = 1;');
    const running = run('print("spinning");\nwhile (true) {}');
    await new Promise(r => setTimeout(r, 300));
    const started = Date.now();
    client.interrupt();
    const result = await running;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.status).toBe('interrupted');
    const error = errorOf(result.outputs)!;
    expect(error.ename).toBe('RuntimeRestarted');
    expect(error.evalue).toContain('declarations from earlier cells are gone');
    const after = await run('print(typeof lost);');
    expect(stdout(after.outputs)).toBe('undefined\n');
    expect(factory.created).toBe(2);
  });

  it('restart forgets the state; interrupt drops queued cells', async () => {
    const { run, client } = makeClient();
    await run('const x = 1;');
    client.restart();
    const after = await run('print(typeof x);');
    expect(stdout(after.outputs)).toBe('undefined\n');
    const slow = run('// @coroutine-cells clock=real\nawait sleep(5);');
    const queued = run('print("queued");');
    await new Promise(r => setTimeout(r, 200));
    client.interrupt();
    expect((await slow).status).toBe('interrupted');
    expect(await queued).toEqual({ status: 'interrupted', outputs: [] });
  });
});

describe('RuntimeClient faults: a worker that misbehaves never breaks the page', () => {
  function faultyClient(unresponsiveLimitMs = 1_500) {
    const factory = nodeWorkerFactory(workerFile);
    const client = new RuntimeClient(factory, { interruptGraceMs: 1_000, unresponsiveLimitMs });
    clients.push(client);
    let n = 0;
    const run = (source: string) => {
      n++;
      return client.run({ source, cellLabel: `cell[${n}]`, executionCount: n, options: OPTIONS });
    };
    return { client, factory, run };
  }
  const stderr = (outputs: NbOutput[]) =>
    outputs.map(o => (o.output_type === 'stream' && o.name === 'stderr' ? o.text : '')).join('');

  it('malformed messages from cell code are reported in the cell, never thrown; the cell and the worker go on', async () => {
    const { factory, run } = faultyClient();
    await run('const kept = 1;');
    const result = await run(`postMessage(null);
postMessage({ type: 'output', requestId: 'x', output: { output_type: 'stream', name: 'stdout', text: 42 } });
postMessage({ type: 'done', requestId: 'x', status: 'maybe' });
postMessage({ type: 'telepathy' });
postMessage({ type: 'ready' });
print("after");`);
    expect(result.status).toBe('ok');
    expect(stdout(result.outputs)).toBe('after\n');
    const text = stderr(result.outputs);
    expect(text).toContain(
      'RuntimeProtocolError: ignored a malformed message from the runtime: a message must be an object, got null'
    );
    expect(text).toContain('a stream output needs a string "text", got 42');
    expect(text).toContain('"status" must be one of ok, error, interrupted');
    expect(text).toContain('further malformed messages in this cell are ignored');
    expect(text).not.toContain('telepathy');
    expect(stdout((await run('print(kept);')).outputs)).toBe('1\n');
    expect(factory.created).toBe(1);
  });

  it('self.close() in a cell ends that cell with a clear error; the next cell gets a fresh worker', async () => {
    const { factory, run } = faultyClient();
    await run('const keep = 1;');
    const closed = await run('print("closing");\n(self as any).close();\nawait sleep(1);\nprint("never");');
    expect(closed.status).toBe('interrupted');
    const error = errorOf(closed.outputs)!;
    expect(error.ename).toBe('RuntimeRestarted');
    expect(error.evalue).toContain('worker was closed by the cell');
    expect(error.evalue).toContain('declarations from earlier cells are gone');
    const next = await run('print(typeof keep);');
    expect(stdout(next.outputs)).toBe('undefined\n');
    expect(factory.created).toBe(2);
  });

  it('a worker that dies silently during a cell is noticed by the liveness check', async () => {
    const { factory, run } = faultyClient(1_000);
    const started = Date.now();
    const result = await run('(globalThis as any).process.exit(0);');
    // Well under the 60 s start-up allowance: the 1 s limit applied once the worker was ready.
    expect(Date.now() - started).toBeLessThan(20_000);
    const error = errorOf(result.outputs)!;
    expect(error.ename).toBe('RuntimeRestarted');
    expect(error.evalue).toMatch(/did not respond for \d+ s/);
    expect(stdout((await run('print("fresh");')).outputs)).toBe('fresh\n');
    expect(factory.created).toBe(2);
  });

  it('synchronous code that never awaits (e.g. filling memory) is stopped after the limit, without an interrupt', async () => {
    const { run } = faultyClient(1_000);
    await run('const lost = 1;');
    const result = await run(
      'const hog: any[] = [];\nfor (;;) { hog.push(new Array(1000).fill(1.5)); if (hog.length > 20000) hog.length = 0; }'
    );
    expect(result.status).toBe('interrupted');
    expect(errorOf(result.outputs)!.evalue).toContain('declarations from earlier cells are gone');
    expect(stdout((await run('print(typeof lost);')).outputs)).toBe('undefined\n');
  });

  it('an async cell that runs long keeps answering the liveness check and is not stopped', async () => {
    const { factory, run } = faultyClient(1_000);
    const result = await run(
      '// @coroutine-cells clock=real\nfor (let i = 0; i < 60; i++) await sleep(0.05);\nprint("done");'
    );
    expect(stdout(result.outputs)).toBe('done\n');
    expect(factory.created).toBe(1);
  });

  it('a worker lost between cells is reported at the start of the next cell', async () => {
    const { run } = faultyClient(1_000);
    await run('const keep = 1;\nsetTimeout(() => postMessage({ type: "fatal", message: "broken on purpose" }), 10);');
    await new Promise(r => setTimeout(r, 200));
    const next = await run('print(typeof keep);');
    expect(stderr(next.outputs)).toContain(
      'Note: the coroutine-cells runtime failed (broken on purpose) after the previous cell'
    );
    expect(stderr(next.outputs)).toContain('declarations from earlier cells are gone');
    expect(stdout(next.outputs)).toBe('undefined\n');
  });

  it('poisoning a built-in the runtime uses ends with a clear note, and the next cell works', async () => {
    const { run } = faultyClient(1_000);
    await run('const keep = 1;');
    // Seeding Math.random is allowed and keeps the runtime.
    expect(stderr((await run('Math.random = () => 0.5;')).outputs)).toBe('');
    const poisoned = await run('(Array.prototype as any).push = null;');
    const next = await run('print("fresh", typeof keep);');
    const last = poisoned.outputs.filter(o => o.output_type === 'error').pop() as Extract<
      NbOutput,
      { output_type: 'error' }
    >;
    expect(last.evalue).toContain('the cell replaced built-ins the runtime relies on (Array.prototype.push)');
    expect(last.evalue).toContain('declarations from earlier cells are gone');
    expect(stderr(next.outputs)).toContain('Note: this cell runs in a new coroutine runtime');
    expect(stdout(next.outputs)).toBe('fresh undefined\n');
  });
});
