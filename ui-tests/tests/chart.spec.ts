/**
 * The timing chart in JupyterLab: JupyterLab's own Vega-Lite renderer draws it under the cell,
 * and adds a PNG of it to the output, which the saved .ipynb then holds for static viewers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@jupyterlab/galata';
import { execCommand, openNotebook, outputOf, readNotebook, writeNotebook } from './helpers';

const SEED = readFileSync(resolve(__dirname, '../../tests/fixtures/seed-example.ts'), 'utf8');

test('the seed cell shows its timing chart with a row per task, and the saved notebook holds a PNG of it', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/chart.ipynb`;
  writeNotebook(path, [{ type: 'coroutine', source: SEED }]);
  await openNotebook(page, path);
  await execCommand(page, 'notebook:run-all-cells');

  const chart = outputOf(page, 0).locator('.vega-embed');
  await expect(chart).toBeVisible();
  await expect(chart.locator('canvas, svg').first()).toBeVisible();
  // The chart's task labels, as drawn (SVG text) or, for a canvas, as the spec's data.
  const text = await chart.evaluate(node => node.textContent ?? '');
  for (const label of ['main', 'task1', 'task2']) {
    expect(text).toContain(label);
  }

  await execCommand(page, 'docmanager:save');
  await expect
    .poll(
      () => {
        const outputs = readNotebook(path).cells[0].outputs as any[];
        return outputs.some(o => o.data?.['application/vnd.vegalite.v5+json'] && o.data?.['image/png']);
      },
      { timeout: 20_000 }
    )
    .toBe(true);
  const outputs = readNotebook(path).cells[0].outputs as any[];
  const bundle = outputs.find(o => o.data?.['application/vnd.vegalite.v5+json']);
  expect(bundle.output_type).toBe('display_data');
  // nbformat may store multi-line text as a list of lines.
  const timeline = [bundle.data['text/plain']].flat().join('');
  expect(timeline).toContain('task1');
  expect(bundle.data['text/html']).toBeUndefined();
  // The chart is the last output of the cell.
  expect(outputs.indexOf(bundle)).toBe(outputs.length - 1);
});

test('a run draws its chart once (the PNG copy is made after it is painted and redraws nothing)', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/chart-once.ipynb`;
  writeNotebook(path, [{ type: 'coroutine', source: SEED }]);
  await openNotebook(page, path);
  // Count every chart element (canvas or SVG marks) put into the page from now on.
  await page.evaluate(() => {
    const w = window as unknown as { chartsDrawn: number };
    w.chartsDrawn = 0;
    const seen = new WeakSet<Element>();
    new MutationObserver(() => {
      for (const chart of document.querySelectorAll('.vega-embed canvas, .vega-embed svg.marks')) {
        if (!seen.has(chart)) {
          seen.add(chart);
          w.chartsDrawn++;
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  for (let run = 1; run <= 2; run++) {
    await execCommand(page, 'notebook:run-all-cells');
    await expect(outputOf(page, 0).locator('.vega-embed canvas, .vega-embed svg.marks').first()).toBeVisible();
    // The PNG copy reaches the output model (what a save writes), without a second drawing.
    await execCommand(page, 'docmanager:save');
    await expect
      .poll(() => (readNotebook(path).cells[0].outputs as any[]).some(o => o.data?.['image/png']), { timeout: 20_000 })
      .toBe(true);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { chartsDrawn: number }).chartsDrawn)).toBe(run);
  }
});
