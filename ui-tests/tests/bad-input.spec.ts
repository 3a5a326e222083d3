/**
 * Bad input: malformed coroutine metadata (a string, unknown options, a future version), a
 * malformed notebook marker, 500 coroutine cells, and a cell deleted or moved while it runs. Each
 * gets a clear message or a sensible default; nothing in the notebook changes without the user;
 * the notebook keeps working.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@jupyterlab/galata';
import {
  badgeOf,
  execCommand,
  openNotebook,
  outputOf,
  promptOf,
  readNotebook,
  runCellAt,
  SERVER_ROOT,
  setSetting,
  startCommand,
  writeNotebook
} from './helpers';
import { SCREENSHOTS } from '../suite-config';

test.use({ autoGoto: true });

/** Writes a notebook whose cells carry exactly the given coroutine metadata values. */
function writeRaw(path: string, notebookMarker: unknown, cells: Array<{ marker: unknown; source: string }>): void {
  const notebook: any = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)', language: 'python' } },
    cells: cells.map((cell, index) => ({
      id: `cell-${index}`,
      cell_type: 'code',
      metadata: cell.marker === undefined ? {} : { 'coroutine-cells': cell.marker },
      source: cell.source,
      outputs: [],
      execution_count: null
    }))
  };
  if (notebookMarker !== undefined) {
    notebook.metadata['coroutine-cells'] = notebookMarker;
  }
  writeFileSync(join(SERVER_ROOT, path), JSON.stringify(notebook, null, 1));
}

const notificationMessages = (page: any): Promise<string[]> =>
  page.evaluate(() => (window as any).galata.getNotifications().then((all: any[]) => all.map(n => n.message)));

test('malformed cell metadata gets a warning badge and one message, such cells say why they do not run, and the metadata is kept as it was', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/malformed.ipynb`;
  const markers = ['yes please', { colour: 'red' }, { version: 99, clock: 'virtual', futureOption: true }, {}];
  writeRaw(
    path,
    undefined,
    markers.map((marker, index) => ({ marker, source: `print("cell ${index} ran")` }))
  );
  await openNotebook(page, path);
  await expect(badgeOf(page, 0)).toHaveClass(/jp-mod-warning/);
  await expect(badgeOf(page, 0)).toHaveText('TS coroutine · invalid options');
  await expect(badgeOf(page, 0)).toHaveAttribute(
    'title',
    /must be an object such as \{"clock": "real"\}, got "yes please"/
  );
  await expect(badgeOf(page, 1)).toHaveAttribute('title', /unknown option "colour"/);
  await expect(badgeOf(page, 2)).toHaveAttribute('title', /newer version of jupyterlab-coroutine-cells \(format 99/);
  await expect(badgeOf(page, 3)).not.toHaveClass(/jp-mod-warning/);
  await expect
    .poll(() => notificationMessages(page))
    .toContainEqual(expect.stringContaining('2 coroutine cells have invalid options'));
  await page
    .locator('.jp-Notebook .jp-Cell')
    .nth(0)
    .screenshot({ path: join(SCREENSHOTS, 'cell-badge-warning.png') });

  for (let index = 0; index < markers.length; index++) {
    await runCellAt(page, index);
  }
  await expect(outputOf(page, 0)).toContainText('CellOptionsError');
  await expect(outputOf(page, 1)).toContainText('unknown option "colour"');
  await expect(outputOf(page, 2)).toContainText('cell 2 ran');
  await expect(outputOf(page, 3)).toContainText('cell 3 ran');
  await execCommand(page, 'docmanager:save');
  await expect.poll(() => readNotebook(path).cells[3].outputs.length, { timeout: 15_000 }).toBeGreaterThan(0);
  expect(readNotebook(path).cells.map((cell: any) => cell.metadata['coroutine-cells'])).toEqual(markers);
});

test('a malformed notebook marker is reported and new cells stay ordinary code cells', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/malformed-notebook.ipynb`;
  writeRaw(path, 'typescript', [{ marker: undefined, source: 'print(1)' }]);
  await openNotebook(page, path);
  await expect
    .poll(() => notificationMessages(page))
    .toContainEqual(expect.stringContaining('should be an object such as {"default": true}'));
  await page.locator('.jp-Notebook .jp-Cell').nth(0).locator('.jp-InputPrompt').click();
  await page.keyboard.press('b');
  await expect(page.locator('.jp-Notebook .jp-Cell')).toHaveCount(2);
  await expect(badgeOf(page, 1)).toHaveCount(0);
});

test('a notebook with 500 coroutine cells opens with badges, runs all of them, and stays responsive', async ({
  page,
  tmpPath
}) => {
  test.setTimeout(300_000);
  await setSetting(page, 'jupyterlab-coroutine-cells:executor', 'chart', {
    enabled: false,
    rowLimit: 50,
    showPrints: true,
    showSteps: false
  });
  const path = `${tmpPath}/many.ipynb`;
  writeNotebook(
    path,
    Array.from({ length: 500 }, (_, i) => ({
      type: 'coroutine' as const,
      source: `await sleep(${i % 3});\nprint("cell ${i}")`
    }))
  );
  const opened = Date.now();
  await openNotebook(page, path);
  await expect(badgeOf(page, 0)).toHaveText('TS coroutine · virtual');
  console.log(`500 cells: notebook open with badges in ${Date.now() - opened} ms`);

  const started = Date.now();
  await startCommand(page, 'notebook:run-all-cells');
  let worst = 0;
  // While the cells run, the page answers quickly (the cells run in the worker).
  for (let i = 0; i < 5; i++) {
    const t = Date.now();
    await page.evaluate(() => document.querySelectorAll('.jp-Cell').length);
    worst = Math.max(worst, Date.now() - t);
    await page.waitForTimeout(300);
  }
  await expect
    .poll(
      () =>
        page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.content.widgets[499].model.executionCount),
      { timeout: 240_000 }
    )
    .toBe(500);
  console.log(`500 cells: Run All took ${Date.now() - started} ms; slowest page round trip while running: ${worst} ms`);
  expect(worst).toBeLessThan(1500);
  const text = await page.evaluate(() =>
    (window as any).jupyterapp.shell.currentWidget.content.widgets[499].model.outputs.toJSON()
  );
  expect(JSON.stringify(text)).toContain('cell 499');
  // Badges of cells further down are there too (cells render as they scroll into view).
  await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.content.scrollToItem(499));
  await expect(badgeOf(page, 499)).toHaveText('TS coroutine · virtual');
  await setSetting(page, 'jupyterlab-coroutine-cells:executor', 'chart', {
    enabled: true,
    rowLimit: 50,
    showPrints: true,
    showSteps: false
  });
});

test('a coroutine cell deleted while it runs: no error, the notebook keeps working, undo brings the cell back', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/deleted.ipynb`;
  writeNotebook(path, [
    { type: 'coroutine', source: '// @coroutine-cells clock=real\nprint("started");\nawait sleep(2);\nprint("done")' },
    { type: 'coroutine', source: 'print("next")' }
  ]);
  await openNotebook(page, path);
  await page.notebook.selectCells(0);
  await startCommand(page, 'notebook:run-cell');
  await expect(outputOf(page, 0)).toContainText('started');
  await execCommand(page, 'notebook:delete-cell');
  await expect(page.locator('.jp-Notebook .jp-Cell')).toHaveCount(1);
  await page.waitForTimeout(2500);
  await page.notebook.selectCells(0);
  await execCommand(page, 'notebook:run-cell');
  await expect(outputOf(page, 0)).toContainText('next');
  await execCommand(page, 'notebook:undo-cell-action');
  await expect(page.locator('.jp-Notebook .jp-Cell')).toHaveCount(2);
  await expect(badgeOf(page, 0)).toBeVisible();
  await expect(promptOf(page, 0)).not.toHaveText('[*]:');
});

test('a coroutine cell moved while it runs: its outputs and count follow it, and the notebook keeps working', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/moved.ipynb`;
  writeNotebook(path, [
    { type: 'coroutine', source: '// @coroutine-cells clock=real\nprint("started");\nawait sleep(2);\nprint("done")' },
    { type: 'coroutine', source: 'print("next")' }
  ]);
  await openNotebook(page, path);
  await page.notebook.selectCells(0);
  await startCommand(page, 'notebook:run-cell');
  await expect(outputOf(page, 0)).toContainText('started');
  await execCommand(page, 'notebook:move-cell-down');
  await expect(page.locator('.jp-Notebook .jp-Cell').nth(1)).toContainText('await sleep(2)');
  // The rest of the run lands in the moved cell, which keeps its outputs and gets its count.
  await expect(outputOf(page, 1)).toContainText('done');
  await expect(outputOf(page, 1)).toContainText('started');
  await expect(promptOf(page, 1)).toHaveText('[1]:');
  await expect(badgeOf(page, 1)).toBeVisible();
  await page.notebook.selectCells(0);
  await execCommand(page, 'notebook:run-cell');
  await expect(outputOf(page, 0)).toContainText('next');
});
