import { describe, expect, it } from 'vitest';
import { parseCellDirectives } from '../../src/runtime/cell-directives';
import { DEFAULT_CELL_OPTIONS } from '../../src/protocol';

describe('parseCellDirectives', () => {
  it('merges a first-line directive over the defaults', () => {
    const result = parseCellDirectives(
      '// @coroutine-cells clock=real maxSteps=1_000 maxVirtualTime=2.5 chart=off rowLimit=20 showPrints=no showSteps=on\nprint(1)',
      DEFAULT_CELL_OPTIONS
    );
    expect(result).toEqual({
      ok: true,
      found: true,
      options: {
        clock: 'real',
        maxSteps: 1000,
        maxVirtualTime: 2.5,
        chart: { enabled: false, rowLimit: 20, showPrints: false, showSteps: true },
        python: '3.11'
      }
    });
    expect(DEFAULT_CELL_OPTIONS.chart.enabled).toBe('auto');
  });

  it('reads python=3.12 and chart=auto', () => {
    const result = parseCellDirectives('// @coroutine-cells python=3.13 chart=auto', {
      ...DEFAULT_CELL_OPTIONS,
      chart: { ...DEFAULT_CELL_OPTIONS.chart, enabled: true }
    });
    expect(result.ok && result.options.python).toBe('3.13');
    expect(result.ok && result.options.chart.enabled).toBe('auto');
    expect(parseCellDirectives('// @coroutine-cells python=3.14', DEFAULT_CELL_OPTIONS)).toEqual({
      ok: false,
      errors: [{ key: 'python', message: 'bad value for \'python\': "3.14"; allowed: 3.11 | 3.12 | 3.13' }]
    });
  });

  it('ignores cells without a directive on the first line', () => {
    for (const source of ['print(1)\n// @coroutine-cells clock=real', '// @coroutine-cellsX clock=real', '']) {
      expect(parseCellDirectives(source, DEFAULT_CELL_OPTIONS)).toEqual({
        ok: true,
        found: false,
        options: DEFAULT_CELL_OPTIONS
      });
    }
  });

  it('names the key and the allowed values of every problem', () => {
    const result = parseCellDirectives('// @coroutine-cells clock=slow maxSteps=-3 rows=5 chart', DEFAULT_CELL_OPTIONS);
    expect(result).toEqual({
      ok: false,
      errors: [
        { key: 'clock', message: 'bad value for \'clock\': "slow"; allowed: virtual | real' },
        { key: 'maxSteps', message: 'bad value for \'maxSteps\': "-3"; allowed: a positive integer' },
        {
          key: 'rows',
          message:
            "unknown directive key 'rows'; allowed keys: clock, maxSteps, maxVirtualTime, python, chart, rowLimit, showPrints, showSteps, typeCheck"
        },
        { key: 'chart', message: "directive 'chart' needs a value: chart=<auto | on | off>" }
      ]
    });
  });
});
