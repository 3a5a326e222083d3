import { describe, expect, it } from 'vitest';
import { safeEmbedOptions, SAFE_ACTIONS, sanitizeVegaSpec } from '../../src/plugins/vega-sanitizer';
import { CellSession } from '../../src/runtime/cell-session';
import { DEFAULT_CELL_OPTIONS } from '../../src/protocol';

const HOSTILE = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  usermeta: {
    embedOptions: {
      actions: true,
      sourceHeader: '<script>alert(1)</script>',
      sourceFooter: '<img src=x onerror=alert(2)>',
      loader: { baseURL: 'https://evil.example/' },
      editorUrl: 'https://evil.example/editor',
      config: 'https://evil.example/config.json',
      renderer: 'svg',
      theme: 'dark'
    }
  },
  config: 'https://evil.example/config.json',
  data: { url: '../../.ssh/id_rsa', format: { type: 'csv' } },
  layer: [{ data: { url: 'https://evil.example/x.json' }, mark: 'point', encoding: { href: { field: 'h' } } }],
  mark: 'bar'
};

describe('sanitizeVegaSpec', () => {
  it('keeps only harmless embed options, with an export-only menu, for trusted and untrusted specs', () => {
    for (const trusted of [true, false]) {
      const { spec } = sanitizeVegaSpec(HOSTILE, trusted) as { spec: any };
      expect(spec.usermeta.embedOptions).toEqual({ renderer: 'svg', theme: 'dark', actions: SAFE_ACTIONS });
    }
  });

  it('removes every URL from an untrusted spec, and keeps them in a trusted one', () => {
    const untrusted = sanitizeVegaSpec(HOSTILE, false) as { spec: any; urlsRemoved: number };
    expect(JSON.stringify(untrusted.spec)).not.toMatch(/evil|ssh/);
    expect(untrusted.spec.data).toEqual({ values: [] });
    expect(untrusted.spec.layer[0].data).toEqual({ values: [] });
    expect(untrusted.urlsRemoved).toBe(6);
    const trusted = sanitizeVegaSpec(HOSTILE, true) as { spec: any };
    expect(trusted.spec.data.url).toBe('../../.ssh/id_rsa');
  });

  it('never changes its input', () => {
    const before = JSON.stringify(HOSTILE);
    sanitizeVegaSpec(HOSTILE, false);
    expect(JSON.stringify(HOSTILE)).toBe(before);
  });

  it('keeps `actions: false` and drops strings that could carry markup', () => {
    expect(safeEmbedOptions({ actions: false, renderer: '<b>', theme: 'x y', tooltip: 'evil' })).toEqual({
      actions: false
    });
  });

  it('leaves the chart of a real run unchanged apart from its menu', async () => {
    const session = new CellSession();
    const result = await session.runCell({
      source:
        'async function f() { await sleep(1); }\nawait createTask(f(), { name: "<img src=x onerror=alert(1)>" });',
      cellLabel: 'c',
      executionCount: 1,
      options: DEFAULT_CELL_OPTIONS
    });
    const chart = result.outputs.find(o => o.output_type === 'display_data') as any;
    const spec = chart.data['application/vnd.vegalite.v5+json'];
    const { spec: safe } = sanitizeVegaSpec(spec, false) as { spec: any };
    expect({ ...safe, usermeta: undefined }).toEqual({ ...spec, usermeta: undefined });
    expect(safe.usermeta.embedOptions.actions).toEqual(SAFE_ACTIONS);
  });
});
