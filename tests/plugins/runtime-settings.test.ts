import { describe, expect, it } from 'vitest';
import { mergeOptions } from '../../src/plugins/runtime-settings';
import { DEFAULT_CELL_OPTIONS } from '../../src/protocol';

describe('mergeOptions (Settings Editor values over the defaults)', () => {
  it('takes well-typed user values, chart options key by key', () => {
    const merged = mergeOptions(DEFAULT_CELL_OPTIONS, {
      clock: 'real',
      maxSteps: 500,
      chart: { rowLimit: 10 } as never
    });
    expect(merged).toEqual({
      ...DEFAULT_CELL_OPTIONS,
      clock: 'real',
      maxSteps: 500,
      chart: { ...DEFAULT_CELL_OPTIONS.chart, rowLimit: 10 }
    });
  });

  it('keeps the defaults for missing or mistyped values (a hand-edited settings file)', () => {
    const merged = mergeOptions(DEFAULT_CELL_OPTIONS, {
      clock: 'sundial' as never,
      maxSteps: '9' as never,
      maxVirtualTime: undefined
    });
    expect(merged).toEqual(DEFAULT_CELL_OPTIONS);
    expect(mergeOptions(DEFAULT_CELL_OPTIONS, undefined)).toEqual(DEFAULT_CELL_OPTIONS);
  });

  it('never changes the defaults object it merges over', () => {
    const before = JSON.stringify(DEFAULT_CELL_OPTIONS);
    mergeOptions(DEFAULT_CELL_OPTIONS, { chart: { enabled: false } as never });
    expect(JSON.stringify(DEFAULT_CELL_OPTIONS)).toBe(before);
  });
});
