import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/scheduler/format-value';

describe('formatValue', () => {
  it('formats common values briefly', () => {
    expect(formatValue('hi')).toBe('"hi"');
    expect(formatValue([1, 'a', null])).toBe('[1, "a", null]');
    expect(formatValue({ a: 1, b: [2] })).toBe('{"a":1,"b":[2]}');
    expect(formatValue(() => 1)).toBe('[Function anonymous]');
    expect(formatValue(10n)).toBe('10n');
    expect(formatValue(new Map())).toBe('Map {}');
  });

  it('does bounded work on huge values and caps the length', () => {
    const huge = Array.from({ length: 1_000_000 }, (_, i) => i);
    const started = performance.now();
    expect(formatValue(huge)).toBe('[0, 1, 2, 3, 4, 5, 6, 7, … 999992 more]');
    expect(performance.now() - started).toBeLessThan(100);
    expect(formatValue('x'.repeat(500)).length).toBeLessThanOrEqual(80);
  });

  it('never throws', () => {
    const evil = {
      get a() {
        throw new Error('no');
      }
    };
    expect(formatValue(evil)).toBe('[object Object]');
  });
});
