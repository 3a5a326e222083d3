/**
 * Issue 11's additions to the headless runner: `execute -p NAME VALUE` (parameters as papermill
 * injects them), `"coroutine-cells": {"default": true}` making untagged code cells coroutine cells,
 * and `run` reporting top-level names declared twice (a script exported by nbconvert).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDuplicateDeclarations } from '../../src/cli/duplicate-declarations';
import { isCoroutineCell, isCoroutineNotebook, type StoredCell } from '../../src/cli/notebook-file';
import { injectParameters, parametersSource, parseParameterValue } from '../../src/cli/parameters';
import { parseArgs } from '../../src/cli/parse-args';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'coroutine-cells-headless-'));

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/coroutine-cells.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const code = (source: string, metadata: StoredCell['metadata'] = {}): StoredCell => ({
  cell_type: 'code',
  source,
  metadata,
  outputs: [],
  execution_count: null
});

describe('parameters (-p)', () => {
  it('reads values as JSON when they parse, else as text', () => {
    expect(parseParameterValue('5')).toBe(5);
    expect(parseParameterValue('0.5')).toBe(0.5);
    expect(parseParameterValue('true')).toBe(true);
    expect(parseParameterValue('[1, 2]')).toEqual([1, 2]);
    expect(parseParameterValue('"5"')).toBe('5');
    expect(parseParameterValue('Ann')).toBe('Ann');
  });

  it('writes const declarations with TypeScript literals', () => {
    expect(
      parametersSource([
        ['n', 5],
        ['who', 'Ann "A"'],
        ['xs', [1, null]]
      ])
    ).toBe('// Parameters\nconst n = 5;\nconst who = "Ann \\"A\\"";\nconst xs = [1,null];\n');
  });

  it('injects after the cell tagged parameters, replacing an earlier injected cell', () => {
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [
        code('print(1)'),
        code('const n = 1;', { tags: ['parameters'] }),
        code('old', { tags: ['injected-parameters'] }),
        code('print(n)')
      ]
    };
    const result = injectParameters(notebook, [['n', 2]]);
    expect(result.cells.map(cell => cell.source)).toEqual([
      'print(1)',
      'const n = 1;',
      '// Parameters\nconst n = 2;\n',
      'print(n)'
    ]);
    expect(result.cells[2].metadata).toEqual({ tags: ['injected-parameters'], 'coroutine-cells': {} });
    expect(notebook.cells).toHaveLength(4);
  });

  it('parses -p NAME VALUE and rejects a bad name or a missing value', () => {
    const parsed = parseArgs(['execute', 'a.ipynb', '--inplace', '-p', 'n', '3', '-p', 'who', 'Bo']);
    expect(parsed).toMatchObject({
      ok: true,
      notebook: {
        parameters: [
          ['n', 3],
          ['who', 'Bo']
        ]
      }
    });
    expect(parseArgs(['execute', 'a.ipynb', '--inplace', '-p', 'n'])).toMatchObject({
      ok: false,
      message: '-p needs a NAME and a VALUE'
    });
    expect(parseArgs(['execute', 'a.ipynb', '--inplace', '-p', '1x', '2'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('"1x"')
    });
  });
});

describe('"coroutine-cells": {"default": true}', () => {
  it('makes untagged code cells coroutine cells; false keeps a kernel cell; markdown never', () => {
    expect(isCoroutineNotebook({ metadata: { 'coroutine-cells': { default: true } } })).toBe(true);
    expect(isCoroutineNotebook({ metadata: { 'coroutine-cells': { default: 'yes' } } })).toBe(false);
    expect(isCoroutineCell(code('x'), true)).toBe(true);
    expect(isCoroutineCell(code('x'), false)).toBe(false);
    expect(isCoroutineCell(code('x', { 'coroutine-cells': false }), true)).toBe(false);
    expect(isCoroutineCell(code('x', { 'coroutine-cells': {} }), false)).toBe(true);
    expect(isCoroutineCell({ cell_type: 'markdown', source: 'x', metadata: {} }, true)).toBe(false);
  });

  it('execute runs the untagged cells of such a notebook, with -p parameters', () => {
    const path = join(dir, 'default.ipynb');
    const notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { 'coroutine-cells': { default: true } },
      cells: [code('const n = 1;', { tags: ['parameters'] }), code('// @coroutine-cells chart=off\nprint("n is", n)')]
    };
    writeFileSync(path, JSON.stringify(notebook));
    const result = cli(['execute', path, '-o', join(dir, 'out.ipynb'), '-p', 'n', '7']);
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(readFileSync(join(dir, 'out.ipynb'), 'utf8'));
    expect(out.cells).toHaveLength(3);
    expect(out.cells[2].outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: 'n is 7\n' }]);
  }, 120_000);
});

describe('run: duplicate top-level declarations', () => {
  it('finds functions, classes and variables declared twice, not overloads or nested names', () => {
    const source = [
      'async function task1() { return 1; }',
      'function over(a: string): void;',
      'function over(a: any) {}',
      'const { a, b: [c] } = { a: 1, b: [2] };',
      'let c2 = 1;',
      'async function task1() { return 2; }',
      'class K {}',
      'function inner() { const a = 1; return a; }',
      'class K {}',
      'var a = 3;'
    ].join('\n');
    expect(findDuplicateDeclarations(source)).toEqual([
      { name: 'task1', lines: [1, 6] },
      { name: 'a', lines: [4, 10] },
      { name: 'K', lines: [7, 9] }
    ]);
  });

  it('run reports them and runs nothing (a script exported from a lesson)', () => {
    const path = join(dir, 'exported.ts');
    writeFileSync(
      path,
      'async function main() { print("first"); }\nrun(main());\nasync function main() { print("second"); }\nrun(main());\n'
    );
    const result = cli(['run', path]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('main: declared on lines 1, 3');
  }, 60_000);
});
