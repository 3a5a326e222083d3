/**
 * The course in JupyterLite (the lessons are in the site built by scripts/build-lite.mjs, under
 * course/): with only static files served, a whole lesson runs, its outputs are the stored ones
 * and its exercises' check cells pass. No request reaches a Jupyter server API. The run is
 * photographed for the README (course/lite-lesson-3.png: docs/images when `npm run screenshots`
 * asks, an ignored folder otherwise).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { README_IMAGES } from '../suite-config';

const EXAMPLES = resolve(__dirname, '..', '..', 'examples');
const cellAt = (page: Page, index: number) => page.locator('.jp-Notebook .jp-Cell').nth(index);

async function open(page: Page, path: string): Promise<string[]> {
  const apiCalls: string[] = [];
  page.on('request', request => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/kernels') || url.pathname.startsWith('/api/sessions'))
      apiCalls.push(url.pathname);
  });
  await page.goto(`/lab/index.html?path=${path}`);
  await page.waitForFunction(() => Boolean((window as any).jupyterapp?.shell), undefined, { timeout: 60_000 });
  await (page.evaluate(() => (window as any).jupyterapp.restored) as Promise<unknown>);
  return apiCalls;
}

/** The stored stdout of a lesson's code cells, by cell index. */
function storedStdout(name: string): Map<number, string> {
  const notebook = JSON.parse(readFileSync(resolve(EXAMPLES, name), 'utf8'));
  const result = new Map<number, string>();
  notebook.cells.forEach((cell: any, index: number) => {
    if (cell.cell_type !== 'code') return;
    const text = cell.outputs
      .filter((o: any) => o.output_type === 'stream' && o.name === 'stdout')
      .map((o: any) => [].concat(o.text).join(''))
      .join('');
    result.set(index, text);
  });
  return result;
}

test('lesson 3 runs whole in JupyterLite: outputs as stored, every check cell passes, no server', async ({ page }) => {
  const apiCalls = await open(page, 'course/03-gather.ipynb');
  await expect(page.locator('.jp-Notebook .jp-Cell').first()).toBeVisible();
  await page.evaluate(() => void (window as any).jupyterapp.commands.execute('notebook:run-all-cells'));
  const stored = storedStdout('03-gather.ipynb');
  const last = Math.max(...stored.keys());
  await expect(cellAt(page, last).locator('.jp-OutputArea')).toContainText('✓', { timeout: 60_000 });
  for (const [index, text] of stored) {
    const lines = text.trim().split('\n').filter(Boolean);
    for (const line of lines) await expect(cellAt(page, index).locator('.jp-OutputArea')).toContainText(line);
  }
  await expect(page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')).toHaveCount(0);
  await expect(page.locator('.jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]')).toHaveCount(0);
  expect(apiCalls).toEqual([]);
  // The first code cell and its chart, as a student sees them after running the lesson.
  const first = [...stored.keys()][0];
  await cellAt(page, first).scrollIntoViewIfNeeded();
  await expect(cellAt(page, first).locator('.jp-OutputArea svg, .jp-OutputArea canvas').first()).toBeVisible();
  await cellAt(page, first).evaluate(cell => cell.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${README_IMAGES}/course/lite-lesson-3.png` });
});

test('a lesson with the coroutine-cells kernelspec opens in JupyterLite with no kernel and no kernel dialog', async ({
  page
}) => {
  const lesson = JSON.parse(readFileSync(resolve(EXAMPLES, '01-coroutines-and-await.ipynb'), 'utf8'));
  expect(lesson.metadata.kernelspec?.name).toBe('coroutine-cells');
  const apiCalls = await open(page, 'course/01-coroutines-and-await.ipynb');
  await expect(page.locator('.jp-Notebook .jp-Cell').first()).toBeVisible();
  // JupyterLab asks for a kernel (if it does) once the session context is ready: wait for that.
  await page.waitForFunction(() => Boolean((window as any).jupyterapp.shell.currentWidget?.sessionContext?.isReady));
  await page.waitForTimeout(1_000);
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
  const session = await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.sessionContext.session);
  expect(session ?? null).toBeNull();
  await page.evaluate(() => void (window as any).jupyterapp.commands.execute('notebook:run-all-cells'));
  const greet = lesson.cells.findIndex((cell: any) => [cell.source].flat().join('').includes('async function greet'));
  await expect(cellAt(page, greet).locator('.jp-OutputArea')).toContainText('hello, Ada', { timeout: 60_000 });
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
  expect(apiCalls).toEqual([]);
});
