/**
 * Faults that were already handled when the fault suite was written, kept from regressing: each
 * ends with a clear error (or a bounded output) and nothing is lost: the next cell runs in the
 * same session, the notebook file is intact.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_HEAD_CHARS, OUTPUT_TAIL_CHARS } from '../../src/runtime/output-limiter';
import { errorOf, notebook, streamText } from '../runtime/helpers';
import { cellsOf, cli, cliInterrupted, notebookFile, RAW_CRASH, streamOf, tempDir } from './helpers';

const dir = tempDir();
const BOUND = OUTPUT_HEAD_CHARS + OUTPUT_TAIL_CHARS + 1_000;
const textLength = (outputs: { text?: string }[]) => outputs.reduce((n, o) => n + (o.text?.length ?? 0), 0);

/** Runs `source` then a probe cell in the same session; the probe must still work. */
async function thenNextCellRuns(source: string) {
  const nb = notebook();
  await nb.run('const kept = "still here";');
  const result = await nb.run(source);
  const next = await nb.run('print(kept)');
  expect(streamText(next.outputs, 'stdout')).toBe('still here\n');
  return result;
}

describe('already handled: clear errors, the next cell runs', () => {
  it('a syntax error', async () => {
    const result = await thenNextCellRuns('const x = ;');
    expect(errorOf(result.outputs)?.ename).toBe('SyntaxError');
  });

  it('throw 42', async () => {
    const result = await thenNextCellRuns('throw 42;');
    expect(errorOf(result.outputs)?.ename).toBe('NonErrorThrown');
    expect(errorOf(result.outputs)?.evalue).toContain('42');
  });

  it('circular and hostile objects in print', async () => {
    const circular = await thenNextCellRuns('const a: any = { name: "a" }; a.self = a; print(a, "after");');
    expect(streamText(circular.outputs, 'stdout')).toBe("<ref *1> { name: 'a', self: [Circular *1] } after\n");
    // A proxy whose traps throw: the error of the trap, at the cell's line, as Python's repr would.
    const hostile = await thenNextCellRuns(
      'print(new Proxy({}, { get() { throw new Error("hostile"); }, ownKeys() { throw new Error("hostile"); } }));'
    );
    expect(errorOf(hostile.outputs)?.evalue).toBe('hostile');
  });

  it('a 50 MB string is printed bounded, its end kept', async () => {
    const result = await thenNextCellRuns('print("x".repeat(50_000_000) + "END");');
    expect(textLength(result.outputs)).toBeLessThan(BOUND);
    expect(streamText(result.outputs, 'stdout')).toMatch(/END\n$/);
  }, 60_000);

  it('a million prints are bounded, the last one kept', async () => {
    const result = await thenNextCellRuns('for (let i = 0; i < 1_000_000; i++) print(i);');
    expect(textLength(result.outputs)).toBeLessThan(BOUND);
    expect(streamText(result.outputs, 'stdout')).toMatch(/\n999999\n$/);
  }, 60_000);

  it('a forgotten await is reported', async () => {
    const result = await thenNextCellRuns('async function f() { await sleep(1); }\nf();');
    expect(streamText(result.outputs, 'stderr')).toContain("RuntimeWarning: coroutine 'f' was never awaited");
  });

  it('print = null is refused and print keeps working', async () => {
    const result = await thenNextCellRuns('print = null as any;');
    expect(errorOf(result.outputs)?.ename).toBe('TypeError');
    const nb = notebook();
    await nb.run('print = null as any;');
    expect(streamText((await nb.run('print("ok")')).outputs, 'stdout')).toBe('ok\n');
  });
});

describe('already handled: bad notebooks are refused and left intact', () => {
  it('an nbformat 3 notebook: a clear error, exit 2, the file untouched', () => {
    const path = join(dir, 'v3.ipynb');
    const text = JSON.stringify({ nbformat: 3, nbformat_minor: 0, metadata: {}, worksheets: [{ cells: [] }] });
    writeFileSync(path, text);
    const result = cli(['execute', path, '--inplace'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not an nbformat 4 notebook');
    expect(result.stderr).not.toMatch(RAW_CRASH);
    expect(readFileSync(path, 'utf8')).toBe(text);
  }, 60_000);

  it('malformed cell metadata does not crash the runner; the other cells run', () => {
    const path = notebookFile(dir, 'meta.ipynb', [
      { id: 'a', cell_type: 'code', metadata: null, source: 'print(1)', outputs: [], execution_count: null },
      {
        id: 'b',
        cell_type: 'code',
        metadata: { 'coroutine-cells': { clock: 42, maxSteps: 'many' } },
        source: 'print("b")',
        outputs: [],
        execution_count: null
      },
      'print("the last cell runs")'
    ]);
    const out = join(dir, 'meta-out.ipynb');
    const result = cli(['execute', path, '-o', out, '--allow-errors'], dir);
    expect(result.stderr).not.toMatch(RAW_CRASH);
    expect(result.status).toBe(0);
    expect(streamOf(cellsOf(out)[2], 'stdout')).toBe('the last cell runs\n');
  }, 60_000);
});

describe('already handled: an interrupted while (true) {}', () => {
  it('Ctrl-C stops it within 2 s with KeyboardInterrupt', async () => {
    const file = join(dir, 'stuck.ts');
    writeFileSync(file, 'print("stuck");\nwhile (true) {}\n');
    const result = await cliInterrupted(['run', file], dir, 'stuck');
    expect(result.afterSignalMs).toBeLessThan(2_500);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('KeyboardInterrupt');
    expect(result.stderr).not.toMatch(RAW_CRASH);
  }, 60_000);
});
