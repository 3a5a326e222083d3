import { describe, expect, it } from 'vitest';
import { VEGALITE_MIME, buildChartBundle } from '../../src/chart/index';
import { dejaVuFontFiles, renderChartPng, renderChartSvg } from '../../src/chart/render-png';
import { runSource } from '../runtime/run-source';
import { OPTIONS } from './chart-helpers';
import { manyTasksTrace, seedTrace } from './trace-builder';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const seedSpec = () => buildChartBundle(seedTrace(), OPTIONS).data[VEGALITE_MIME] as object;

describe('PNG rendering (vega SVG + resvg, DejaVu Sans)', () => {
  it('renders the seed chart to a PNG of sensible size', async () => {
    const png = await renderChartPng(seedSpec());
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThan(600);
    expect(width).toBeLessThan(1000);
    expect(height).toBeGreaterThan(120);
    expect(height).toBeLessThan(400);
    expect(png.byteLength).toBeGreaterThan(5_000);
    expect(png.byteLength).toBeLessThan(200_000);
  });

  it('scale 2 doubles the pixel size', async () => {
    const one = pngSize(await renderChartPng(seedSpec()));
    const two = pngSize(await renderChartPng(seedSpec(), { scale: 2 }));
    expect(two.width).toBe(one.width * 2);
    expect(two.height).toBe(one.height * 2);
  });

  it('the SVG has the task labels and the title, all in DejaVu Sans', async () => {
    const svg = await renderChartSvg(seedSpec());
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(m => m[1]);
    expect(texts).toContain('main');
    expect(texts).toContain('\u200b\u21b3\u00a0task1');
    expect(texts).toContain('\u200b\u21b3\u00a0task2');
    expect(texts).toContain('Completed: 3 tasks, 3 s of virtual time, 7 steps');
    const families = new Set([...svg.matchAll(/font-family="([^"]*)"/g)].map(m => m[1]));
    expect([...families]).toEqual(['DejaVu Sans']);
  });

  it('does not change the spec it is given', async () => {
    const spec = seedSpec();
    const before = JSON.stringify(spec);
    await renderChartPng(spec);
    expect(JSON.stringify(spec)).toBe(before);
  });

  it('a theme config changes text colours but the spec keeps its own settings', async () => {
    const svg = await renderChartSvg(seedSpec(), { themeConfig: { title: { color: '#fff' }, background: '#333' } });
    expect(svg).toMatch(/fill="#fff"[^>]*>Completed: 3 tasks/);
    // The spec's transparent background wins over the theme's, as in JupyterLab.
    expect(svg).not.toContain('#333');
  });

  it('renders a 10,000-task chart too', async () => {
    const spec = buildChartBundle(manyTasksTrace(10_000), OPTIONS).data[VEGALITE_MIME] as object;
    const { height } = pngSize(await renderChartPng(spec));
    expect(height).toBeGreaterThan(51 * 22);
  });

  it('loads the DejaVu fonts from node_modules and checks its argument', async () => {
    expect(dejaVuFontFiles().map(f => f.split(/[\\/]/).slice(-3).join('/'))).toEqual([
      'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
      'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'
    ]);
    await expect(renderChartPng(null as any)).rejects.toThrow(
      'renderChartSvg(): spec must be a Vega-Lite spec object, got null'
    );
  });
});

describe('renderChartPng leaves its input alone', () => {
  it('does not mutate the spec it renders (the stored output stays plain JSON)', async () => {
    const { trace } = await runSource('async function a() { await sleep(1); }\nrun(a());');
    const spec = buildChartBundle(trace, OPTIONS).data[VEGALITE_MIME] as any;
    const before = JSON.stringify(spec);
    await renderChartPng(spec);
    expect(spec.data.values.every((row: object) => Object.getOwnPropertySymbols(row).length === 0)).toBe(true);
    expect(JSON.stringify(spec)).toBe(before);
  });
});
