/**
 * Interrupt and restart from the notebook's own actions (issue 4 item 6, JupyterLab side): the
 * toolbar's Interrupt button and I,I reach the coroutine runtime; a cell stuck in synchronous code
 * is stopped (the worker is replaced) and the next cell runs; Restart (toolbar, Restart and Run
 * All, the explicit command) restarts it. JupyterLab stays responsive throughout.
 */
import { expect, test } from '@jupyterlab/galata';
import {
  execCommand,
  openNotebook,
  outputOf,
  promptOf,
  startCommand,
  writeCoroutineNotebook as writeNotebookWithoutKernel,
  writeNotebook
} from './helpers';

test.use({ autoGoto: true });

/** A coroutine notebook (no kernel) whose cells are all coroutine cells. */
function writeCoroutineNotebook(path: string, sources: string[]): void {
  writeNotebookWithoutKernel(
    path,
    sources.map(source => ({ type: 'coroutine' as const, source }))
  );
}

const toolbarButton = (page: any, name: string) =>
  page.locator(`.jp-NotebookPanel-toolbar [data-jp-item-name="${name}"] jp-button`);

/** How long the page takes to answer (the main thread is free while a cell spins in the worker). */
async function roundTrip(page: any): Promise<number> {
  const start = Date.now();
  await page.evaluate(() => document.querySelectorAll('.jp-Cell').length);
  return Date.now() - start;
}

const LOOP_WITH_FINALLY = `// @coroutine-cells clock=real
try {
  print("looping");
  while (true) {
    await sleep(1);
  }
} finally {
  print("finally ran");
}`;

test("the notebook toolbar's Interrupt button interrupts a coroutine cell: KeyboardInterrupt and its finally output", async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/interrupt.ipynb`;
  writeCoroutineNotebook(path, [LOOP_WITH_FINALLY]);
  await openNotebook(page, path);
  await startCommand(page, 'notebook:run-all-cells');
  await expect(outputOf(page, 0)).toContainText('looping');
  await expect(promptOf(page, 0)).toHaveText('[*]:');
  expect(await roundTrip(page)).toBeLessThan(1000);

  await toolbarButton(page, 'interrupt').click();
  const error = outputOf(page, 0).locator('[data-mime-type="application/vnd.jupyter.stderr"]');
  await expect(error).toContainText('KeyboardInterrupt');
  await expect(outputOf(page, 0)).toContainText('finally ran');
  await expect(promptOf(page, 0)).toHaveText('[1]:');
});

test.describe('with a kernel', () => {
  // Galata's kernel-API mock fails on the interrupt request's empty reply: talk to the server directly.
  test.use({ kernels: null });

  test('I,I in command mode interrupts the coroutine runtime of a notebook with a Python kernel', async ({
    page,
    tmpPath
  }) => {
    const path = `${tmpPath}/interrupt-keys.ipynb`;
    writeNotebook(path, [
      { type: 'python', source: 'print("kernel ready")' },
      { type: 'coroutine', source: LOOP_WITH_FINALLY }
    ]);
    await openNotebook(page, path);
    await page.notebook.selectCells(0);
    await startCommand(page, 'notebook:run-cell');
    await expect(outputOf(page, 0)).toContainText('kernel ready');
    await page.notebook.selectCells(1);
    await startCommand(page, 'notebook:run-cell');
    await expect(outputOf(page, 1)).toContainText('looping');
    await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.content.activate());
    await page.locator('.jp-Notebook .jp-Cell').nth(1).locator('.jp-InputPrompt').click();
    await page.keyboard.press('i');
    await page.keyboard.press('i');
    await expect(outputOf(page, 1)).toContainText('KeyboardInterrupt');
    await expect(outputOf(page, 1)).toContainText('finally ran');
  });
});

test('a cell stuck in `while (true) {}` is stopped within 2 s by Interrupt, with a restart error, and the next cell runs', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/stuck.ipynb`;
  writeCoroutineNotebook(path, ['print("spinning");\nwhile (true) {}', 'print("next cell ran")']);
  await openNotebook(page, path);
  await page.notebook.selectCells(0);
  await startCommand(page, 'notebook:run-cell');
  await expect(promptOf(page, 0)).toHaveText('[*]:');
  // Running in the runtime, past its type check (an Interrupt before that ends it unrun).
  await expect(page.locator('.jp-CoroutineCells-status')).toContainText('Busy');
  await page.waitForTimeout(500);
  expect(await roundTrip(page)).toBeLessThan(1000);

  // Timed in the page: from the click on Interrupt to the error output in the cell.
  await page.evaluate(() => {
    const w = window as any;
    document.addEventListener('pointerdown', () => (w.__clicked = performance.now()), { capture: true, once: true });
    const output = document.querySelectorAll('.jp-Notebook .jp-Cell')[0].querySelector('.jp-OutputArea') as Element;
    new MutationObserver((_, observer) => {
      if (/restart/i.test(output.textContent ?? '')) {
        w.__stopped = performance.now();
        observer.disconnect();
      }
    }).observe(output, { childList: true, subtree: true, characterData: true });
  });
  await toolbarButton(page, 'interrupt').click();
  const error = outputOf(page, 0).locator('[data-mime-type="application/vnd.jupyter.stderr"]');
  await expect(error).toContainText(/restart/i, { timeout: 5000 });
  const stoppedAfter = await page.evaluate(() => (window as any).__stopped - (window as any).__clicked);
  console.log(`a cell stuck in synchronous code stopped ${Math.round(stoppedAfter)} ms after Interrupt`);
  expect(stoppedAfter).toBeLessThan(2000);
  await expect(promptOf(page, 0)).not.toHaveText('[*]:');

  await page.notebook.selectCells(1);
  await startCommand(page, 'notebook:run-cell');
  await expect(outputOf(page, 1)).toContainText('next cell ran');
});

test('Restart from the toolbar of a notebook with no kernel asks, then restarts the coroutine runtime', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/restart.ipynb`;
  writeCoroutineNotebook(path, ['const kept = 42;\nprint("declared")', 'print(kept)']);
  await openNotebook(page, path);
  await execCommand(page, 'notebook:run-all-cells');
  await expect(outputOf(page, 1)).toContainText('42');
  await expect(promptOf(page, 1)).toHaveText('[2]:');

  await toolbarButton(page, 'restart').click();
  const dialog = page.locator('.jp-Dialog');
  await expect(dialog).toContainText('Restart the coroutine runtime?');
  await dialog.getByRole('button', { name: 'Restart' }).click();
  await expect(dialog).toHaveCount(0);

  // The declaration is gone, and counts start again at 1.
  await page.notebook.selectCells(1);
  await startCommand(page, 'notebook:run-cell');
  await expect(outputOf(page, 1)).toContainText('ReferenceError');
  await expect(promptOf(page, 1)).toHaveText('[1]:');
});

test('Restart and Run All (toolbar) restarts the runtime and runs every cell again, with no kernel', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/restart-run-all.ipynb`;
  writeCoroutineNotebook(path, ['print("first")', 'print("second")']);
  await openNotebook(page, path);
  await execCommand(page, 'notebook:run-all-cells');
  await expect(promptOf(page, 1)).toHaveText('[2]:');

  await toolbarButton(page, 'restart-and-run').click();
  const dialog = page.locator('.jp-Dialog');
  await dialog.getByRole('button', { name: 'Restart' }).click();
  // Counts 1 and 2 again (3 and 4 without a restart).
  await expect(promptOf(page, 0)).toHaveText('[1]:');
  await expect(promptOf(page, 1)).toHaveText('[2]:');
  await expect(outputOf(page, 1)).toContainText('second');
});

test('Restart Kernel and Run All in a notebook with a kernel restarts the coroutine runtime too, before the run', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/restart-kernel.ipynb`;
  writeNotebook(path, [
    { type: 'coroutine', source: 'print("coroutine")' },
    { type: 'python', source: 'print("python")' },
    { type: 'coroutine', source: 'print("coroutine again")' }
  ]);
  await openNotebook(page, path);
  await execCommand(page, 'notebook:run-all-cells');
  await expect(outputOf(page, 1)).toContainText('python');
  await expect(promptOf(page, 2)).toHaveText('[2]:');

  await startCommand(page, 'notebook:restart-run-all');
  const dialog = page.locator('.jp-Dialog');
  await expect(dialog).toContainText('Restart Kernel?');
  await dialog.getByRole('button', { name: 'Confirm Kernel Restart' }).click();
  await expect(outputOf(page, 2)).toContainText('coroutine again');
  await expect(promptOf(page, 0)).toHaveText('[1]:');
  await expect(promptOf(page, 2)).toHaveText('[2]:');
});

test('the explicit commands interrupt and restart the coroutine runtime', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/commands.ipynb`;
  writeCoroutineNotebook(path, [LOOP_WITH_FINALLY, 'const y = 1;', 'print(y)']);
  await openNotebook(page, path);
  await page.notebook.selectCells(0);
  await startCommand(page, 'notebook:run-cell');
  await expect(outputOf(page, 0)).toContainText('looping');
  await execCommand(page, 'coroutine-cells:interrupt-runtime');
  await expect(outputOf(page, 0)).toContainText('KeyboardInterrupt');
  await expect(outputOf(page, 0)).toContainText('finally ran');

  await page.notebook.selectCells(1);
  await execCommand(page, 'notebook:run-cell');
  await execCommand(page, 'coroutine-cells:restart-runtime');
  await page.notebook.selectCells(2);
  await execCommand(page, 'notebook:run-cell');
  await expect(outputOf(page, 2)).toContainText('ReferenceError');
});
