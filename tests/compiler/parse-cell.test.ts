import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { parseCell } from '../../src/compiler/parse-cell';
import { runSource } from '../runtime/run-source';

describe('parseCell: a cell is parsed as a module, as it runs', () => {
  it('a top-level `await (…)` is an await expression, not a call of a function named await', () => {
    const file = parseCell('cell.ts', 'await (sleep)(0);\nconst x = await (async () => 1)();');
    const [first, second] = file.statements;
    expect(ts.isExpressionStatement(first) && ts.isAwaitExpression(first.expression)).toBe(true);
    const init = ts.isVariableStatement(second) ? second.declarationList.declarations[0].initializer : undefined;
    expect(init !== undefined && ts.isAwaitExpression(init)).toBe(true);
  });

  it('such a cell runs (it failed with "await is not defined")', async () => {
    const result = await runSource('const x = await (async () => 41)();\nawait (sleep)(1);\nprint(x + 1);\n', {
      chart: { enabled: false }
    });
    expect(result.outputs.filter(o => o.output_type === 'error')).toEqual([]);
    expect(result.stdout).toBe('42\n');
  });
});
