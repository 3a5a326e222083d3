#!/usr/bin/env node
/**
 * Renders the README's pictures of the seed example's chart, in JupyterLab's light and dark
 * themes: runs the seed lesson as a coroutine cell (compiler + runtime + chart builder, as the
 * headless runner does), then draws its Vega-Lite chart to PNG with vega + resvg.
 *   docs/images/seed-chart-light.png  white page, the renderer's default (dark) text
 *   docs/images/seed-chart-dark.png   JupyterLab's dark page; vega-embed's "dark" theme config,
 *                                     which JupyterLab applies to Vega-Lite outputs in dark themes
 * Usage: node scripts/render-readme-charts.mjs
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The seed example, as a student types it into a coroutine cell (the shared test fixture). */
export const SEED_SOURCE = readFileSync(new URL('../tests/fixtures/seed-example.ts', import.meta.url), 'utf8');

/**
 * vega-themes' "dark" config (vega-embed theme: 'dark'), which JupyterLab's Vega renderer uses
 * when the JupyterLab theme is dark. The spec's own config still wins (transparent background).
 */
const VEGA_DARK_THEME = {
  background: '#333',
  view: { stroke: '#888' },
  title: { color: '#fff', subtitleColor: '#fff' },
  style: { 'guide-label': { fill: '#fff' }, 'guide-title': { fill: '#fff' } },
  axis: { domainColor: '#fff', gridColor: '#888', tickColor: '#fff' }
};
/** JupyterLab's dark theme page colour behind outputs (--jp-layout-color0). */
const JUPYTERLAB_DARK_PAGE = '#111111';

// Bundle the TypeScript sources on the fly; the bundle sits under node_modules/.cache so that
// its bare imports (vega, typescript, ...) resolve from the project.
const cache = join(root, 'node_modules/.cache/coroutine-cells');
mkdirSync(cache, { recursive: true });
const bundle = join(cache, `readme-charts-${process.pid}.mjs`);
await esbuild.build({
  stdin: {
    contents: `export { CellSession } from './src/runtime';
export { renderChartPng } from './src/chart/render-png';
export { DEFAULT_CELL_OPTIONS, VEGALITE_MIME } from './src/protocol';`,
    resolveDir: root,
    loader: 'ts'
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: bundle,
  packages: 'external',
  logLevel: 'error'
});
try {
  const { CellSession, DEFAULT_CELL_OPTIONS, renderChartPng, VEGALITE_MIME } = await import(pathToFileURL(bundle).href);
  const request = { source: SEED_SOURCE, cellLabel: 'cell[1]', executionCount: 1, options: DEFAULT_CELL_OPTIONS };
  const result = await new CellSession().runCell(request);
  const stderr = result.outputs.map(o => (o.output_type === 'stream' && o.name === 'stderr' ? o.text : '')).join('');
  if (result.status !== 'ok') throw new Error(`the seed example failed: ${stderr}`);
  const chart = result.outputs.find(o => o.output_type === 'display_data' && o.data[VEGALITE_MIME]);
  if (!chart) throw new Error('the seed example produced no chart output');
  const spec = chart.data[VEGALITE_MIME];
  const out = join(root, 'docs/images');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'seed-chart-light.png'), await renderChartPng(spec, { background: 'white', scale: 2 }));
  writeFileSync(
    join(out, 'seed-chart-dark.png'),
    await renderChartPng(spec, { background: JUPYTERLAB_DARK_PAGE, scale: 2, themeConfig: VEGA_DARK_THEME })
  );
  console.log(chart.data['text/plain']);
  console.log('wrote docs/images/seed-chart-light.png and docs/images/seed-chart-dark.png');
} finally {
  rmSync(bundle, { force: true });
}
