/**
 * Issue 15 in JupyterLab: the asyncio version on the badge, who cancelled whom in the chart, a
 * click on a chart mark highlighting its cell line, no chart under a print-only cell, and the
 * charts drawn again after a theme switch.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@jupyterlab/galata';
import {
  badgeOf,
  execCommand,
  openNotebook,
  outputOf,
  readNotebook,
  runCellAt,
  SERVER_ROOT,
  writeNotebook
} from './helpers';

const TASKGROUP = `async function slow() { await sleep(5); }
async function bad() { await sleep(1); throw new Error('boom'); }
try {
  await using tg = new TaskGroup();
  tg.createTask(slow());
  tg.createTask(bad());
} catch (e) { print('caught', String(e)); }`;

test('the badge shows the asyncio version from the directive and from the notebook metadata', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/versions.ipynb`;
  writeNotebook(path, [
    { type: 'coroutine', source: '// @coroutine-cells python=3.13\nawait sleep(1)' },
    { type: 'coroutine', source: 'await sleep(1)' }
  ]);
  const notebook = readNotebook(path);
  notebook.metadata['coroutine-cells'] = { python: '3.12' };
  writeFileSync(join(SERVER_ROOT, path), JSON.stringify(notebook));
  await openNotebook(page, path);
  await expect(badgeOf(page, 0)).toHaveText('TS coroutine · virtual · Python 3.13');
  await expect(badgeOf(page, 1)).toHaveText('TS coroutine · virtual · Python 3.12');
  await expect(badgeOf(page, 1)).toHaveAttribute('data-python', '3.12');
});

test('the chart names who cancelled whom, and a click on a mark highlights its cell line', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/causes.ipynb`;
  writeNotebook(path, [{ type: 'coroutine', source: TASKGROUP }]);
  await openNotebook(page, path);
  await runCellAt(page, 0);
  const chart = outputOf(page, 0).locator('.vega-embed svg.marks');
  await expect(chart).toBeVisible();
  // Vega-Lite puts each mark's tooltip fields in its accessible description.
  const cancelMark = chart.locator('[aria-label*="cancelled by TaskGroup#1: bad raised"]');
  await expect(cancelMark.first()).toBeAttached();
  // The raise of bad() points at line 2 of In[1]: clicking it highlights that editor line.
  const raised = chart.locator('[aria-label*="raised an exception: Error: boom \u2014 at In[1], line 2"]');
  await expect(raised.first()).toBeAttached();
  await raised.first().dispatchEvent('click');
  const highlighted = page.locator('.jp-Notebook .jp-Cell').nth(0).locator('.cm-line.jp-CoroutineCells-codeHighlight');
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted).toHaveText("async function bad() { await sleep(1); throw new Error('boom'); }");
});

test('a print-only cell gets no chart; chart=on forces one', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/quiet.ipynb`;
  writeNotebook(path, [
    { type: 'coroutine', source: 'print("hello")' },
    { type: 'coroutine', source: '// @coroutine-cells chart=on\nprint("hello")' }
  ]);
  await openNotebook(page, path);
  await execCommand(page, 'notebook:run-all-cells');
  await expect(outputOf(page, 1).locator('.vega-embed')).toBeVisible();
  await expect(outputOf(page, 0)).toContainText('hello');
  await expect(outputOf(page, 0).locator('.vega-embed')).toHaveCount(0);
});

test('a chart is drawn again when the theme changes', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/theme.ipynb`;
  writeNotebook(path, [{ type: 'coroutine', source: 'await sleep(1)' }]);
  await openNotebook(page, path);
  await runCellAt(page, 0);
  const svg = outputOf(page, 0).locator('.vega-embed svg.marks');
  await expect(svg).toBeVisible();
  await svg.evaluate(node => node.setAttribute('data-drawn-before', 'light'));
  await execCommand(page, 'apputils:change-theme', { theme: 'JupyterLab Dark' });
  await expect(page.locator('body')).toHaveAttribute('data-jp-theme-light', 'false');
  // A new drawing replaces the old SVG (the old one carried the mark).
  await expect(outputOf(page, 0).locator('.vega-embed svg.marks[data-drawn-before]')).toHaveCount(0, {
    timeout: 15_000
  });
  await expect(outputOf(page, 0).locator('.vega-embed svg.marks')).toBeVisible();
  await execCommand(page, 'apputils:change-theme', { theme: 'JupyterLab Light' });
});
