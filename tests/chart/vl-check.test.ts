import { describe, expect, it } from 'vitest';
import { compileStrict } from './vl-check';

const base = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  data: { values: [{ a: 1, b: 'x' }] },
  encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'nominal' } }
};

describe('the spec check used by every chart test can fail', () => {
  it('accepts a plain v5 spec', () => {
    expect(compileStrict({ ...base, mark: 'bar' })).toHaveProperty('marks');
  });

  it('rejects a property newer than Vega-Lite 5.6 (bar minBandSize came in 5.11)', () => {
    expect(() => compileStrict({ ...base, mark: { type: 'bar', minBandSize: 2 } })).toThrow();
  });

  it('rejects a spec that makes vega-lite warn', () => {
    expect(() =>
      compileStrict({ ...base, mark: 'bar', encoding: { ...base.encoding, shape: { field: 'b', type: 'nominal' } } })
    ).toThrow();
  });

  it('rejects a non-v5 $schema', () => {
    expect(() =>
      compileStrict({ ...base, mark: 'bar', $schema: 'https://vega.github.io/schema/vega-lite/v6.json' })
    ).toThrow();
  });
});
