import { describe, expect, it } from 'vitest';
import { compileCell, originalPosition, type CompiledCell } from '../../src/compiler';

const compile = (source: string, label = 'cell[1]'): CompiledCell => {
  const result = compileCell(source, { cellLabel: label, url: `${label}.js` });
  if (!result.ok) throw new Error(`unexpected compile errors: ${JSON.stringify(result.errors)}`);
  return result.cell;
};

describe('compileCell: coroutine names', () => {
  it('passes each async function name as the third __awaiter argument', () => {
    const { code } = compile(`
      async function task1() { await sleep(1); }
      const task2 = async () => { await sleep(1); };
      class Worker { async run() {} field = async () => {}; }
      const obj = { handler: async () => {} };
      createTask((async () => {})());
    `);
    expect(code).toMatch(/"task1", __cc_gen\d+\)/);
    expect(code).toMatch(/"task2", __cc_gen\d+\)/);
    expect(code).toMatch(/"run", __cc_gen\d+\)/);
    expect(code).toMatch(/"field", __cc_gen\d+\)/);
    expect(code).toMatch(/"handler", __cc_gen\d+\)/);
    // The anonymous arrow keeps TypeScript's placeholder, so the scheduler picks a default name.
    expect(code).toMatch(/createTask\)\(\(\(\) => __awaiter\(void 0, void 0, void 0, function\* \(\)/);
  });

  it('names the cell body after the cell label', () => {
    expect(compile('await sleep(1);', 'cell[7]').code).toContain('__awaiter(void 0, void 0, "cell[7]"');
  });
});

describe('compileCell: notebook scope', () => {
  it('rewrites top-level and free names into scope lookups and leaves locals alone', () => {
    const cell = compile(`
      let count = 0;
      function local() { const count = 5; return count; }
      async function bump() { count++; return helperFromLaterCell(); }
      print(Math.max(1, 2));
    `);
    expect(cell.code).toContain('__cc_scope.count++');
    expect(cell.code).toContain('const count = 5; return count;');
    expect(cell.code).toContain('(0, __cc_scope.helperFromLaterCell)()');
    expect(cell.code).toContain('(0, __cc_scope.print)(Math.max(1, 2))');
    expect([...cell.declared]).toEqual([
      ['count', 'let'],
      ['local', 'function'],
      ['bump', 'function']
    ]);
  });

  it('hoists function declarations and imports before the other statements', () => {
    const { code } = compile(
      `print(f());\nimport { sleep as nap } from 'coroutine-cells';\nfunction f() { return 1; }`
    );
    const importAt = code.indexOf('__cc_import("nap", "sleep")');
    const functionAt = code.indexOf('__cc_declare("f"');
    const printAt = code.indexOf('__cc_scope.print');
    expect(importAt).toBeGreaterThan(0);
    expect(importAt).toBeLessThan(printAt);
    expect(functionAt).toBeLessThan(printAt);
  });

  it('uses a soft lookup for typeof on free names and keeps shorthand properties working', () => {
    const { code } = compile('const a = 1;\nconst o = { a };\nprint(typeof nothingHere);');
    expect(code).toContain('typeof __cc_soft.nothingHere');
    expect(code).toContain('{ a: __cc_scope.a }');
  });

  it('evaluates to a function whose declarations reach the scope object', () => {
    const cell = compile('const x = 2;\nlet y = x * 3;\nclass C {}\nx + y');
    const stored: Record<string, unknown> = {};
    const declare = (name: string, value: unknown) => (stored[name] = value);
    // A stand-in awaiter that runs the generator eagerly (the real one is the scheduler's).
    const awaiter = (_t: unknown, _a: unknown, _n: unknown, gen: () => Generator) => {
      const it = gen();
      let step = it.next();
      while (!step.done) step = it.next(step.value);
      return step.value;
    };
    const factory = (0, eval)(cell.code) as (...args: unknown[]) => () => unknown;
    const args = Array(16).fill(undefined);
    args[0] = awaiter;
    const body = factory(...args, stored, stored, declare, () => {});
    expect(body()).toBe(8);
    expect(stored.x).toBe(2);
    expect(stored.y).toBe(6);
    expect(typeof stored.C).toBe('function');
  });
});

describe('compileCell: errors before anything runs', () => {
  it('reports syntax errors with line and column', () => {
    const result = compileCell('const a = 1;\nconst b = (;\n', { cellLabel: 'c', url: 'c.js' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ kind: 'syntax', line: 2, column: 12 });
    expect(result.errors[0].message).toBe('Expression expected.');
  });

  it('rejects imports of other modules and unknown API names', () => {
    const result = compileCell(
      "import { sleep } from 'coroutine-cells';\nimport _ from 'lodash';\nimport { nope } from 'coroutine-cells';",
      { cellLabel: 'c', url: 'c.js', apiNames: new Set(['sleep']) }
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map(e => [e.line, e.message])).toEqual([
      [
        2,
        "Cannot find module 'lodash': a coroutine cell can only import from 'coroutine-cells' (the cell API); other modules are not available"
      ],
      [3, "'coroutine-cells' has no export named 'nope'"]
    ]);
  });
});

describe('compileCell: source map', () => {
  it('maps an emitted position back to the cell line and column', () => {
    const cell = compile('const a = 1;\n\nasync function boom() {\n  await sleep(1);\n    throw new Error("x");\n}\n');
    const lines = cell.code.split('\n');
    const lineIndex = lines.findIndex(l => l.includes('throw new Error'));
    const column = lines[lineIndex].indexOf('throw');
    const position = originalPosition(cell.sourceMap, { line: lineIndex - cell.lineOffset, column });
    expect(position).toEqual({ line: 4, column: 4 });
  });
});
