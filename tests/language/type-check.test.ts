/**
 * `coroutine-cells run --types` and `check --types`: the editor's language service in Node, with
 * each problem's cell, line and column, and a non-zero exit; the course in examples/ passes.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { parseArgs } from '../../src/cli/parse-args';
import { checkCellTypes, formatTypeProblems } from '../../src/language/type-check';
import { languageFiles } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'coroutine-cells-types-'));
const EXAMPLES = join(__dirname, '..', '..', 'examples');

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } }
  };
}

function coroutineCells(path: string): Array<{ label: string; source: string }> {
  const nb = JSON.parse(readFileSync(path, 'utf8'));
  return nb.cells.flatMap((cell: any, index: number) =>
    cell.cell_type === 'code' && cell.metadata?.['coroutine-cells'] !== undefined
      ? [{ label: `cell ${index + 1}`, source: Array.isArray(cell.source) ? cell.source.join('') : cell.source }]
      : []
  );
}

describe('type checks in Node', () => {
  it('formats each problem with its cell, line and column', () => {
    const problems = checkCellTypes(
      [
        { label: 'cell 1', source: 'const a = 1;' },
        { label: 'cell 3', source: 'print(a);\nconst s: string = a;' }
      ],
      languageFiles()
    );
    expect(formatTypeProblems('nb.ipynb', problems)).toBe(
      "nb.ipynb: cell 3, line 2, column 7: error TS2322: Type 'number' is not assignable to type 'string'.\n"
    );
  });

  it('the lessons in examples/ have no type errors', () => {
    const files = readdirSync(EXAMPLES).filter(name => name.endsWith('.ipynb'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const cells = coroutineCells(join(EXAMPLES, name));
      expect(cells.length, name).toBeGreaterThan(0);
      expect(formatTypeProblems(name, checkCellTypes(cells, languageFiles()))).toBe('');
    }
  });

  it('run --types reports a type error and does not run the file (exit 1); a clean file runs', async () => {
    const bad = join(dir, 'bad.ts');
    writeFileSync(
      bad,
      'async function f() { await sleep(1); return 1; }\nconst n: string = await f();\nprint("ran");\n'
    );
    const failed = io();
    expect(await main(['run', '--types', bad], failed.io)).toBe(1);
    expect(failed.out.stderr).toContain(
      `${bad}: cell 1, line 2, column 7: error TS2322: Type 'number' is not assignable to type 'string'.`
    );
    expect(failed.out.stdout).toBe('');
    const good = join(dir, 'good.ts');
    writeFileSync(good, 'print("ran")\n');
    const passed = io();
    expect(await main(['run', '--types', good], passed.io)).toBe(0);
    expect(passed.out.stdout).toBe('ran\n');
  });

  it('check --types lists the type errors of a notebook by cell (exit 1)', async () => {
    const path = join(dir, 'nb.ipynb');
    const cell = (source: string, coroutine = true) => ({
      id: source.slice(0, 4),
      cell_type: 'code',
      metadata: coroutine ? { 'coroutine-cells': {} } : {},
      source,
      outputs: [],
      execution_count: null
    });
    writeFileSync(
      path,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [cell('const a = 1;'), cell('x = 1', false), cell('const b: string = a;')]
      })
    );
    const result = io();
    expect(await main(['check', '--types', path], result.io)).toBe(1);
    expect(result.out.stdout).toContain(`${path}: cell 3, line 1, column 7: error TS2322:`);
    expect(result.out.stdout).toContain('1 type error in 2 coroutine cells');
  });

  it('--types is parsed for run and check only', () => {
    expect(parseArgs(['run', 'a.ts', '--types'])).toMatchObject({ ok: true, run: { types: true } });
    expect(parseArgs(['check', 'a.ipynb', '--types'])).toMatchObject({ ok: true, notebook: { types: true } });
    expect(parseArgs(['execute', 'a.ipynb', '--inplace', '--types'])).toMatchObject({
      ok: false,
      message: "unknown option '--types' for execute"
    });
  });
});
