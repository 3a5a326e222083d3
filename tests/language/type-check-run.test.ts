import { describe, expect, it } from 'vitest';
import { parseCellDirectives } from '../../src/runtime/cell-directives';
import { DEFAULT_CELL_OPTIONS } from '../../src/protocol';
import { gateFor, typeCheckMode, within } from '../../src/plugins/type-check-run';
import type { CellDiagnostic } from '../../src/language/protocol';

const problem: CellDiagnostic = {
  from: 6,
  to: 7,
  line: 2,
  column: 7,
  code: 2322,
  severity: 'error',
  message: "Type 'string' is not assignable to type 'number'."
};

describe('typeCheck before a cell runs', () => {
  it('the directive sets it per cell and rejects other values', () => {
    expect(typeCheckMode('// @coroutine-cells typeCheck=error\nprint(1)', 'warn')).toBe('error');
    expect(typeCheckMode('// @coroutine-cells clock=real\nprint(1)', 'off')).toBe('off');
    expect(typeCheckMode('print(1)', 'warn')).toBe('warn');
    const bad = parseCellDirectives('// @coroutine-cells typeCheck=strict', DEFAULT_CELL_OPTIONS);
    expect(bad).toEqual({
      ok: false,
      errors: [{ key: 'typeCheck', message: 'bad value for \'typeCheck\': "strict"; allowed: off | warn | error' }]
    });
  });

  it('warn lists the type errors first (cell, line, column, message) and runs the cell', () => {
    expect(gateFor('warn', 3, [problem])).toEqual({
      run: true,
      outputs: [
        {
          output_type: 'stream',
          name: 'stderr',
          text: "1 type error (typeCheck=warn: the cell runs anyway)\n  cell 3, line 2, column 7: error TS2322: Type 'string' is not assignable to type 'number'.\n"
        }
      ]
    });
  });

  it('error refuses to run the cell and says why', () => {
    const result = gateFor('error', 1, [problem, { ...problem, line: 4 }]);
    expect(result.run).toBe(false);
    expect(result.outputs).toEqual([
      {
        output_type: 'error',
        ename: 'TypeCheckError',
        evalue: '2 type errors; the cell was not run (typeCheck=error)',
        traceback: [
          'TypeCheckError: 2 type errors; the cell was not run (typeCheck=error)',
          "cell 1, line 2, column 7: error TS2322: Type 'string' is not assignable to type 'number'.",
          "cell 1, line 4, column 7: error TS2322: Type 'string' is not assignable to type 'number'."
        ]
      }
    ]);
  });

  it('off, or no problems, runs the cell with nothing added', () => {
    expect(gateFor('off', 1, [problem])).toEqual({ outputs: [], run: true });
    expect(gateFor('error', 1, [])).toEqual({ outputs: [], run: true });
  });

  it('leaves syntax errors (TS1xxx) to the runtime, which reports them before anything runs', () => {
    const syntax: CellDiagnostic = { ...problem, code: 1109, message: 'Expression expected.' };
    expect(gateFor('warn', 1, [syntax])).toEqual({ outputs: [], run: true });
    expect(gateFor('error', 1, [syntax])).toEqual({ outputs: [], run: true });
    const both = gateFor('warn', 1, [syntax, problem]);
    expect(both.outputs).toHaveLength(1);
    expect((both.outputs[0] as { text: string }).text).toContain('1 type error (typeCheck=warn');
    expect((both.outputs[0] as { text: string }).text).not.toContain('TS1109');
  });

  it('when the language service did not answer: warn runs at once with nothing added, error does not run', () => {
    expect(gateFor('warn', 1, null)).toEqual({ run: true, outputs: [] });
    const refused = gateFor('error', 1, null);
    expect(refused.run).toBe(false);
    expect(refused.outputs[0]).toMatchObject({ output_type: 'error', ename: 'TypeCheckError' });
  });

  it('gives up waiting after the limit', async () => {
    expect(await within(new Promise(() => {}), 10)).toBeNull();
    expect(await within(Promise.resolve(5), 1000)).toBe(5);
  });
});
