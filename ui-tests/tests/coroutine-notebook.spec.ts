/**
 * Issue 6, point 3: a coroutine notebook from the Launcher and File › New: every new code cell is
 * a coroutine cell, TypeScript language_info, no kernel (never asked for, also when reopened), and
 * the status bar shows the coroutine runtime's state instead of "No Kernel".
 */
import { expect, test } from '@jupyterlab/galata';
import {
  badgeOf,
  cellFacts,
  execCommand,
  openNotebook,
  outputOf,
  readNotebook,
  selectCell,
  startCommand,
  writeCoroutineNotebook
} from './helpers';
import { SCREENSHOTS } from '../suite-config';

test.use({ autoGoto: true });

/** The path of the current notebook, relative to the server root. */
const currentPath = (page: any): Promise<string> =>
  page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.context.path);
/** Whether the current notebook's session has a kernel. */
const hasKernel = (page: any): Promise<boolean> =>
  page.evaluate(() => Boolean((window as any).jupyterapp.shell.currentWidget.sessionContext.session?.kernel));

test('the Launcher card creates a coroutine notebook that needs no kernel and runs TypeScript', async ({
  page,
  tmpPath
}) => {
  await page.filebrowser.openDirectory(tmpPath);
  const card = page.locator('.jp-LauncherCard', { hasText: 'TypeScript Coroutines' });
  await expect(card).toBeVisible();
  await page.locator('.jp-Launcher-body').screenshot({ path: `${SCREENSHOTS}/launcher.png` });
  await card.click();

  await expect(page.locator('.jp-NotebookPanel')).toBeVisible();
  await expect(badgeOf(page, 0)).toHaveText('TS coroutine · virtual');
  // No kernel dialog, no kernel, and the status bar shows the runtime instead of "No Kernel".
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
  expect(await hasKernel(page)).toBe(false);
  const status = page.locator('.jp-CoroutineCells-status');
  await expect(status).toHaveText('TS coroutines | Idle');
  await expect(page.locator('.jp-StatusBar-Left .jp-StatusBar-Item', { hasText: 'No Kernel' })).toBeHidden();

  await page.notebook.setCell(
    0,
    'code',
    '// @coroutine-cells clock=real\nawait sleep(1.5);\nprint("typed in a new notebook")'
  );
  await startCommand(page, 'notebook:run-all-cells');
  await expect(status).toHaveText('TS coroutines | Busy');
  await expect(outputOf(page, 0)).toContainText('typed in a new notebook');
  await expect(status).toHaveText('TS coroutines | Idle');
  await page.locator('#jp-main-statusbar').screenshot({ path: `${SCREENSHOTS}/status-bar.png` });

  // A new cell (B in command mode) is a coroutine cell too; undo removes it in one step.
  await selectCell(page, 0);
  await page.keyboard.press('b');
  await expect.poll(() => cellFacts(page, 1)).toMatchObject({ type: 'code', metadata: {} });
  await expect(badgeOf(page, 1)).toBeVisible();

  await execCommand(page, 'docmanager:save');
  const path = await currentPath(page);
  await expect.poll(() => readNotebook(path).cells.length, { timeout: 15_000 }).toBe(2);
  const saved = readNotebook(path);
  expect(saved.metadata['coroutine-cells']).toEqual({ default: true });
  expect(saved.metadata.language_info).toEqual({
    name: 'typescript',
    file_extension: '.ts',
    mimetype: 'text/typescript',
    codemirror_mode: 'typescript'
  });
  // The kernel that runs it outside the browser is named, though none was started here.
  expect(saved.metadata.kernelspec).toEqual({
    name: 'coroutine-cells',
    display_name: 'TypeScript (coroutine cells)',
    language: 'typescript'
  });
  expect(await (await page.request.get('/api/kernels')).json()).toEqual([]);
  expect(saved.cells.map((cell: any) => cell.metadata['coroutine-cells'])).toEqual([{}, {}]);

  // Reopened from the file browser: still no kernel and no dialog.
  await execCommand(page, 'application:close-all');
  await page.filebrowser.refresh();
  await page.notebook.openByPath(path);
  await expect(badgeOf(page, 0)).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
  expect(await hasKernel(page)).toBe(false);
  await expect(page.locator('.jp-CoroutineCells-status')).toHaveText('TS coroutines | Idle');
});

test('File › New › TypeScript Coroutine Notebook creates the same notebook', async ({ page, tmpPath }) => {
  await page.filebrowser.openDirectory(tmpPath);
  await page.menu.clickMenuItem('File>New>TypeScript Coroutine Notebook');
  await expect(badgeOf(page, 0)).toBeVisible();
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
  const path = await currentPath(page);
  expect(path.startsWith(tmpPath)).toBe(true);
  expect(readNotebook(path).metadata['coroutine-cells']).toEqual({ default: true });
  expect(await hasKernel(page)).toBe(false);
});

test('in a coroutine notebook, undo and reloading from disk leave an ordinary code cell as it was', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/keep.ipynb`;
  writeCoroutineNotebook(path, [
    { type: 'coroutine', source: 'print("coroutine")' },
    { type: 'python', source: 'print("an ordinary code cell the author chose")' }
  ]);
  await openNotebook(page, path);
  await expect(badgeOf(page, 0)).toBeVisible();
  expect((await cellFacts(page, 1)).metadata).toBeNull();

  // Deleting the ordinary cell and undoing brings it back unchanged (not made a coroutine cell).
  await selectCell(page, 1);
  await execCommand(page, 'notebook:delete-cell');
  await expect(page.locator('.jp-Notebook .jp-Cell')).toHaveCount(1);
  await execCommand(page, 'notebook:undo-cell-action');
  await expect(page.locator('.jp-Notebook .jp-Cell')).toHaveCount(2);
  expect(await cellFacts(page, 1)).toMatchObject({ type: 'code', metadata: null });

  // Reloading the file from disk neither: the cells are exactly what the file holds.
  const cellsJSON = () =>
    page.evaluate(() => JSON.stringify((window as any).jupyterapp.shell.currentWidget.context.model.toJSON().cells));
  const before = await cellsJSON();
  await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.context.revert());
  await page.waitForTimeout(500);
  expect(await cellFacts(page, 1)).toMatchObject({ type: 'code', metadata: null });
  expect(await cellsJSON()).toBe(before);

  // A cell the user adds is a coroutine cell.
  await selectCell(page, 1);
  await page.keyboard.press('b');
  await expect.poll(() => cellFacts(page, 2)).toMatchObject({ type: 'code', metadata: {} });
});
