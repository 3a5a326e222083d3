/**
 * Issue 11: coroutine notebooks carry the kernelspec of the Jupyter kernel `coroutine-cells` (so
 * every Jupyter tool can run them), yet in JupyterLab their cells run in the browser worker: no
 * kernel process is started (GET /api/kernels stays empty, although this server has the kernel
 * installed) and no kernel dialog appears.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@jupyterlab/galata';
import { execCommand, openNotebook, outputOf, SERVER_ROOT } from './helpers';

test.use({ autoGoto: true });

const LESSON = resolve(__dirname, '..', '..', 'examples', '01-coroutines-and-await.ipynb');
const KERNELSPEC = { name: 'coroutine-cells', display_name: 'TypeScript (coroutine cells)', language: 'typescript' };

/** Copies the first lesson into the server root with the given kernelspec (examples/ stay as they are). */
function lessonWithKernelspec(path: string, kernelspec: object): void {
  copyFileSync(LESSON, join(SERVER_ROOT, path));
  const notebook = JSON.parse(readFileSync(join(SERVER_ROOT, path), 'utf8'));
  notebook.metadata.kernelspec = kernelspec;
  for (const cell of notebook.cells) if (cell.cell_type === 'code') cell.outputs = [];
  writeFileSync(join(SERVER_ROOT, path), JSON.stringify(notebook, null, 1));
}

const runningKernels = async (page: any): Promise<unknown[]> => (await page.request.get('/api/kernels')).json();

test('a coroutine notebook with the coroutine-cells kernelspec runs in the browser and starts no kernel', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/lesson-with-kernelspec.ipynb`;
  lessonWithKernelspec(path, KERNELSPEC);
  expect(await runningKernels(page)).toEqual([]);
  await openNotebook(page, path);
  await execCommand(page, 'notebook:run-all-cells');
  const cells: Array<{ source: string | string[] }> = JSON.parse(readFileSync(LESSON, 'utf8')).cells;
  const cellWith = (text: string) => cells.findIndex(cell => [cell.source].flat().join('').includes(text));
  await expect(outputOf(page, cellWith('print("Main: End")'))).toContainText('Main: End');
  await expect(outputOf(page, cellWith('async function greet'))).toContainText('hello, Ada');
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
  expect(await runningKernels(page)).toEqual([]);
  const session = await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.sessionContext.session);
  expect(session ?? null).toBeNull();
});

test("the kernel's own Launcher card makes a coroutine notebook that starts no kernel", async ({ page, tmpPath }) => {
  await page.filebrowser.openDirectory(tmpPath);
  // JupyterLab adds a card for every installed kernelspec; this server has the coroutine-cells kernel.
  await page.locator('.jp-LauncherCard[title="TypeScript (coroutine cells)"]').first().click();
  await expect(page.locator('.jp-NotebookPanel')).toBeVisible();
  await expect(page.locator('.jp-CoroutineCells-badge').first()).toBeVisible();
  await page.notebook.setCell(0, 'code', 'await sleep(1);\nprint("from the kernel card")');
  await execCommand(page, 'notebook:run-all-cells');
  await expect(outputOf(page, 0)).toContainText('from the kernel card');
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
  expect(await runningKernels(page)).toEqual([]);
});
