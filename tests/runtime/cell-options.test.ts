import { describe, expect, it } from 'vitest';
import { resolveCellOptions } from '../../src/runtime/cell-options';
import { CellSession } from '../../src/runtime/cell-session';
import { DEFAULT_CELL_OPTIONS, type NbOutput } from '../../src/protocol';

const D = DEFAULT_CELL_OPTIONS;

describe('resolveCellOptions: defaults < notebook metadata < cell metadata < first-line directive', () => {
  it('takes each layer over the one below, key by key', () => {
    const r = resolveCellOptions(
      D,
      { notebook: { default: true, clock: 'real', maxSteps: 50 }, cell: { maxSteps: 7, chart: { rowLimit: 3 } } },
      'print(1)'
    );
    expect(r).toEqual({
      ok: true,
      clockFrom: 'notebook',
      warnings: [],
      options: { ...D, clock: 'real', maxSteps: 7, chart: { ...D.chart, rowLimit: 3 } }
    });
    const directive = resolveCellOptions(
      D,
      { cell: { clock: 'real' } },
      '// @coroutine-cells clock=virtual maxSteps=9\nx'
    );
    expect(directive.ok && directive.options).toMatchObject({ clock: 'virtual', maxSteps: 9 });
    expect(directive.ok && directive.clockFrom).toBe('directive');
  });

  it('accepts "chart": false as chart off', () => {
    const r = resolveCellOptions(D, { cell: { chart: false } }, '');
    expect(r.ok && r.options.chart.enabled).toBe(false);
  });

  it('never changes the defaults it starts from', () => {
    const before = JSON.stringify(D);
    resolveCellOptions(
      D,
      { notebook: { clock: 'real', chart: { showSteps: true } } },
      '// @coroutine-cells rowLimit=2'
    );
    expect(JSON.stringify(D)).toBe(before);
  });

  it('reports every invalid value, naming where it is, the key, the value and what is allowed', () => {
    const r = resolveCellOptions(
      D,
      { notebook: { clock: 1 }, cell: { maxSteps: 0, chart: { showPrints: 'yes' }, colour: 'red' } },
      '// @coroutine-cells clock=fast'
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.metadataErrors).toEqual([
      `the notebook's "coroutine-cells" metadata: "clock" must be "virtual" or "real", got 1`,
      expect.stringContaining(`the cell's "coroutine-cells" metadata: unknown option "colour"`),
      `the cell's "coroutine-cells" metadata: "maxSteps" must be a whole number > 0, got 0`,
      `the cell's "coroutine-cells" metadata: "chart.showPrints" must be true or false, got "yes"`
    ]);
    expect(r.directiveErrors).toEqual([expect.stringContaining("bad value for 'clock'")]);
  });

  it('skips unknown options of a newer format with a warning', () => {
    const r = resolveCellOptions(D, { cell: { version: 2, clock: 'real', future: true } }, '');
    expect(r.ok).toBe(true);
    expect(r.ok && r.options.clock).toBe('real');
    expect(r.warnings[0]).toContain('newer version');
  });
});

describe('CellSession applies the metadata options (as the badge says)', () => {
  const run = async (metadata: unknown, source: string) => {
    const session = new CellSession();
    return session.runCell({
      source,
      cellLabel: 'cell[1]',
      executionCount: 1,
      options: { ...D, chart: { ...D.chart, enabled: false } },
      metadata: { cell: metadata }
    });
  };
  const text = (outputs: NbOutput[]) => outputs.map(o => (o.output_type === 'stream' ? o.text : '')).join('');

  it('{"clock": "real"} in the cell metadata runs on the real clock', async () => {
    const started = Date.now();
    const result = await run({ clock: 'real' }, 'await sleep(0.3);\nprint(now() >= 0.3);');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(text(result.outputs)).toBe('true\n');
  });

  it('maxSteps and chart in the metadata apply', async () => {
    const budget = await run({ maxSteps: 5 }, 'for (let i = 0; i < 100; i++) await sleep(0);');
    expect(budget.status).toBe('error');
    expect(budget.outputs.find(o => o.output_type === 'error')).toMatchObject({ ename: 'BudgetExceededError' });
    const charted = await new CellSession().runCell({
      source: 'await sleep(1)',
      cellLabel: 'c',
      executionCount: 1,
      options: D,
      metadata: { cell: { chart: { enabled: false } } }
    });
    expect(charted.outputs.some(o => o.output_type === 'display_data')).toBe(false);
  });

  it('an invalid metadata value is a CellOptionsError in the cell, and nothing runs', async () => {
    const result = await run({ clock: 'sundial' }, 'print("ran")');
    expect(result.status).toBe('error');
    expect(text(result.outputs)).toBe('');
    const error = result.outputs.find(o => o.output_type === 'error');
    expect(error).toMatchObject({ ename: 'CellOptionsError' });
    expect(error && error.output_type === 'error' && error.evalue).toContain(
      '"clock" must be "virtual" or "real", got "sundial"'
    );
  });
});
