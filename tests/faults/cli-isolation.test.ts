/**
 * Findings 1 (memory, in Node), 8 and 9: the CLI runs cell code in a worker thread, so a cell that
 * exhausts memory, calls process.exit or breaks JavaScript built-ins ends with a clear error in
 * that cell while the CLI goes on, writes and compares correctly; Ctrl-C stops any cell in < 2 s.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellsOf, cli, cliInterrupted, errorOfCell, notebookFile, RAW_CRASH, streamOf, tempDir } from './helpers';

const dir = tempDir();

describe('finding 1: out of memory ends the worker, not the CLI', () => {
  it('a memory hog ends with "the runtime ran out of memory; declarations are gone" and the next cell runs', () => {
    const path = notebookFile(dir, 'hog.ipynb', [
      'print("before the hog");\nconst hog: any[] = [];\nfor (;;) hog.push(new Array(1_000_000).fill(1.5));',
      'print("the next cell runs");'
    ]);
    const out = join(dir, 'hog-out.ipynb');
    const result = cli(['execute', path, '-o', out, '--allow-errors', '--max-memory', '256'], dir);
    expect(result.stderr).not.toMatch(RAW_CRASH);
    expect(result.status).toBe(0);
    const [hog, next] = cellsOf(out);
    expect(streamOf(hog, 'stdout')).toBe('before the hog\n');
    expect(errorOfCell(hog)?.evalue).toMatch(/the runtime ran out of memory .*declarations are gone/);
    expect(streamOf(next, 'stdout')).toBe('the next cell runs\n');
  }, 120_000);

  it('creating 10,000,000 tasks ends with the same clear error instead of a V8 abort', () => {
    const file = join(dir, 'tasks.ts');
    writeFileSync(file, 'for (let i = 0; i < 10_000_000; i++) createTask(sleep(1));\nawait sleep(2);\n');
    const result = cli(['run', file, '--max-memory', '256'], dir);
    expect(result.stderr).not.toMatch(RAW_CRASH);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MemoryError: the runtime ran out of memory');
  }, 120_000);
});

describe('finding 8: cell code cannot end or poison the CLI', () => {
  it('process.exit(0) in a cell: check still compares the later cells, execute still writes', () => {
    const cells = ['const keep = 1;\nprint("one");', 'process.exit(0);', 'print("three");'];
    const path = notebookFile(dir, 'exit.ipynb', cells);
    const out = join(dir, 'exit-out.ipynb');
    const executed = cli(['execute', path, '-o', out, '--allow-errors'], dir);
    expect(executed.stderr).not.toMatch(RAW_CRASH);
    const stored = cellsOf(out);
    expect(streamOf(stored[0], 'stdout')).toBe('one\n');
    expect(errorOfCell(stored[1])?.evalue).toMatch(/ended its runtime \(process\.exit\(0\).*declarations are gone/);
    expect(streamOf(stored[2], 'stdout')).toBe('three\n');
    // A stored output that differs in the last cell must be found: the run goes on past the exit.
    const edited = JSON.parse(readFileSync(out, 'utf8'));
    edited.cells[2].outputs[0].text = ['something else\n'];
    writeFileSync(out, JSON.stringify(edited));
    const checked = cli(['check', out], dir);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain('cell 3: outputs differ');
  }, 120_000);

  const poisons = [
    ['Array.prototype.push = null as any;', 'Array.prototype.push'],
    ['(Map.prototype as any).get = null;', 'Map.prototype.get'],
    ['(JSON as any).stringify = null;', 'JSON.stringify'],
    ['(Math as any).max = null;', 'Math.max']
  ];
  for (const [poison, name] of poisons) {
    it(`${poison} gives a clear error in that cell; the next cell runs in a clean runtime and the notebook is written`, () => {
      const path = notebookFile(dir, 'poison.ipynb', [
        `print("a");\n${poison}\nprint("b");`,
        'print(JSON.stringify([1, 2]), Math.max(1, 2), new Map([[1, 2]]).get(1));'
      ]);
      const out = join(dir, 'poison-out.ipynb');
      const result = cli(['execute', path, '-o', out, '--allow-errors'], dir);
      expect(result.stderr).not.toMatch(RAW_CRASH);
      expect(result.status).toBe(0);
      const [poisoned, next] = cellsOf(out);
      expect(errorOfCell(poisoned)?.evalue).toContain(`replaced JavaScript built-ins the runtime relies on (${name})`);
      expect(streamOf(next, 'stdout')).toBe('[1,2] 2 2\n');
    }, 60_000);
  }
});

describe('finding 9: Ctrl-C stops the CLI within 2 s', () => {
  it('for (;;) await Promise.resolve() with a raised budget stops on SIGINT; the notebook file is left intact', async () => {
    const path = notebookFile(dir, 'spin.ipynb', [
      '// @coroutine-cells maxSteps=1000000000\nprint("spinning");\nfor (;;) await Promise.resolve();'
    ]);
    const before = readFileSync(path, 'utf8');
    const result = await cliInterrupted(['execute', path, '--inplace'], dir, 'running cell 1');
    expect(result.afterSignalMs).toBeLessThan(2_500);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('KeyboardInterrupt');
    expect(result.stderr).toContain('was not written');
    expect(readFileSync(path, 'utf8')).toBe(before);
  }, 60_000);
});
