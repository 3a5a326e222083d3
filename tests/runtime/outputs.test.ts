import { describe, expect, it } from 'vitest';
import { CellSession } from '../../src/runtime/cell-session';
import { DEFAULT_CELL_OPTIONS, type NbOutput } from '../../src/protocol';
import { OUTPUT_HEAD_LINES, OUTPUT_TAIL_LINES, OUTPUT_TAIL_CHARS } from '../../src/runtime/output-limiter';
import { errorOf, notebook, streamText } from './helpers';

describe('cell outputs', () => {
  it('streams are in print order; values are formatted like util.inspect; console maps to streams', async () => {
    const nb = notebook();
    const result = await nb.run(`print("a", 1, "b", { x: [1, 2] }, null, undefined, 2n);
console.log("%s has %d items", "list", 3);
console.warn("careful");
console.error(new Map([["k", 1]]));
console.info("info");`);
    expect(result.outputs).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'a 1 b { x: [ 1, 2 ] } null undefined 2n\nlist has 3 items\n' },
      { output_type: 'stream', name: 'stderr', text: "careful\nMap(1) { 'k' => 1 }\n" },
      { output_type: 'stream', name: 'stdout', text: 'info\n' }
    ]);
  });

  it('scheduler objects print like their Python repr', async () => {
    const nb = notebook();
    const result = await nb.run(
      'async function job() { await sleep(1); return 7; }\nconst t = createTask(job(), { name: "worker" });\nprint(t);\nawait t;\nprint([t]);\nconst c = job();\nprint(c);\nawait c;\nt'
    );
    const lines = streamText(result.outputs, 'stdout').split('\n');
    expect(lines[0]).toBe("<Task pending name='worker' coro=<coroutine object job>>");
    expect(lines[1]).toMatch(/^\[ <Task finished .*> \]$/);
    expect(lines[1]).toContain("name='worker'");
    expect(lines[1]).toContain('result=7');
    expect(lines[2]).toBe('<coroutine object job>');
    const value = result.outputs.find(o => o.output_type === 'execute_result');
    expect(value && value.output_type === 'execute_result' && value.data['text/plain']).toMatch(
      /^<Task finished .*result=7.*>$/
    );
  });

  it("a printed error shows its stack in the cells' own positions, without runtime frames", async () => {
    const nb = notebook();
    await nb.run('async function boom() {\n  await sleep(1);\n  throw new RangeError("far");\n}');
    const result = await nb.run('try {\n  await boom();\n} catch (e) {\n  print(e);\n  console.error(e);\n}');
    const expected = 'RangeError: far\n    at boom (cell[1]:3:9)\n';
    expect(streamText(result.outputs, 'stdout')).toBe(expected);
    expect(streamText(result.outputs, 'stderr')).toBe(expected);
  });

  it('display() shows a value or a MIME bundle, in order with the prints', async () => {
    const nb = notebook();
    const result = await nb.run(`print("before");
display({ "text/html": "<b>hi</b>", "text/plain": "hi" });
display([1, 2]);
print("after");
"last"`);
    expect(result.outputs).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'before\n' },
      { output_type: 'display_data', data: { 'text/html': '<b>hi</b>', 'text/plain': 'hi' }, metadata: {} },
      { output_type: 'display_data', data: { 'text/plain': '[ 1, 2 ]' }, metadata: {} },
      { output_type: 'stream', name: 'stdout', text: 'after\n' },
      { output_type: 'execute_result', execution_count: 1, data: { 'text/plain': "'last'" }, metadata: {} }
    ]);
  });

  it('the chart comes last, also for a failed cell, and streams arrive as they happen', async () => {
    const session = new CellSession();
    const seen: NbOutput[] = [];
    const result = await session.runCell(
      {
        source: 'async function t() { await sleep(1); throw new Error("x"); }\nprint("go");\nawait createTask(t());',
        cellLabel: 'cell[1]',
        executionCount: 1,
        options: DEFAULT_CELL_OPTIONS
      },
      output => seen.push(output)
    );
    expect(result.status).toBe('error');
    expect(result.outputs.map(o => o.output_type)).toEqual(['stream', 'error', 'display_data']);
    const chart = result.outputs[2] as Extract<NbOutput, { output_type: 'display_data' }>;
    expect(Object.keys(chart.data)).toContain('application/vnd.vegalite.v5+json');
    expect(chart.metadata).toEqual({ 'coroutine-cells': { chart: true } });
    expect(seen).toEqual(result.outputs);
  });

  it('a directive sets per-cell options; a bad directive names the key and allowed values', async () => {
    const nb = notebook({ ...DEFAULT_CELL_OPTIONS });
    const real = await nb.run('// @coroutine-cells clock=real chart=off\nawait sleep(0.05);\nprint(now() >= 0.04);');
    expect(real.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: 'true\n' }]);
    expect(real.trace.clock).toBe('real');
    const bad = await nb.run('// @coroutine-cells clock=fast colour=red\nprint("no");');
    const error = errorOf(bad.outputs)!;
    expect(error.ename).toBe('CellDirectiveError');
    expect(error.evalue).toContain(`bad value for 'clock': "fast"; allowed: virtual | real`);
    expect(error.evalue).toContain("unknown directive key 'colour'");
    expect(bad.outputs).toHaveLength(1);
  });

  it('end-of-run warnings go to stderr', async () => {
    const nb = notebook();
    const result = await nb.run(
      'async function forever() { await sleep(100); }\ncreateTask(forever());\nawait sleep(1);'
    );
    expect(streamText(result.outputs, 'stderr')).toMatch(/forever.*cancelled/);
  });

  it('a million printed lines keep the head and the tail, with a note in between', async () => {
    const nb = notebook();
    const result = await nb.run('for (let i = 0; i < 1_000_000; i++) print(`line ${i}`);\nprint("the end");');
    const text = streamText(result.outputs, 'stdout');
    const lines = text.split('\n');
    expect(lines[0]).toBe('line 0');
    expect(lines[OUTPUT_HEAD_LINES - 1]).toBe(`line ${OUTPUT_HEAD_LINES - 1}`);
    expect(text).toContain(
      `output elided: ${(1_000_001 - OUTPUT_HEAD_LINES - OUTPUT_TAIL_LINES).toLocaleString('en-US')} lines`
    );
    expect(text.endsWith('line 999999\nthe end\n')).toBe(true);
    expect(lines.length).toBeLessThan(OUTPUT_HEAD_LINES + OUTPUT_TAIL_LINES + 10);
  }, 60_000);

  it('a 10 MB string is truncated with a note and keeps its end', async () => {
    const nb = notebook();
    const result = await nb.run('print("x".repeat(10_000_000) + "END");');
    const text = streamText(result.outputs, 'stdout');
    expect(text.length).toBeLessThan(400_000);
    expect(text).toMatch(/output elided: [\d,]+ characters/);
    expect(text.endsWith('xEND\n')).toBe(true);
    expect(text.length).toBeGreaterThan(OUTPUT_TAIL_CHARS);
  });
});
