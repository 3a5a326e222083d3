/**
 * Issue 6, point 4: Run, Run All, Run All Above/Below and Restart and Run All keep cell order in
 * notebooks mixing coroutine and Python cells; metadata.execution timings are written like a
 * kernel's; NotebookActions.executed fires for coroutine cells; and a user is told when another
 * extension provides the cell executor.
 */
import { expect, test } from '@jupyterlab/galata';
import {
  execCommand,
  executedCells,
  openNotebook,
  outputOf,
  promptOf,
  readNotebook,
  recordExecuted,
  selectCell,
  setSetting,
  writeNotebook
} from './helpers';

const MIXED = [
  { type: 'coroutine' as const, source: 'print("A")' },
  { type: 'python' as const, source: 'print("P")' },
  { type: 'coroutine' as const, source: 'await sleep(5);\nprint("B")' },
  { type: 'python' as const, source: 'print("Q")' }
];

/** The start stamps of every cell of the current notebook ("" when it has none). */
const startTimes = (page: any): Promise<string[]> =>
  page.evaluate(() =>
    (window as any).jupyterapp.shell.currentWidget.content.widgets.map(
      (cell: any) => cell.model.getMetadata('execution')?.['shell.execute_reply.started'] ?? ''
    )
  );

test.describe('running cells', () => {
  test.use({ autoGoto: true });

  test('Run All runs coroutine and Python cells in order, with execution timings and NotebookActions.executed', async ({
    page,
    tmpPath
  }) => {
    await setSetting(page, '@jupyterlab/notebook-extension:tracker', 'recordTiming', true);
    const path = `${tmpPath}/mixed.ipynb`;
    writeNotebook(path, MIXED);
    await openNotebook(page, path);
    await recordExecuted(page);
    await execCommand(page, 'notebook:run-all-cells');
    for (const [index, text] of ['A', 'P', 'B', 'Q'].entries()) {
      await expect(outputOf(page, index)).toContainText(text);
    }
    // Each cell started after the previous one: the kernel cell waited for the coroutine cell.
    await expect.poll(async () => (await startTimes(page)).every(Boolean)).toBe(true);
    const starts = await startTimes(page);
    expect([...starts].sort()).toEqual(starts);

    await expect.poll(async () => (await executedCells(page)).length).toBe(4);
    const executed = await executedCells(page);
    expect(executed.map(e => e.source)).toEqual(MIXED.map(c => c.source));
    expect(executed.every(e => e.success)).toBe(true);

    await execCommand(page, 'docmanager:save');
    await expect.poll(() => readNotebook(path).cells[3].outputs.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const timing = readNotebook(path).cells[2].metadata.execution;
    for (const key of [
      'iopub.status.busy',
      'iopub.execute_input',
      'shell.execute_reply.started',
      'shell.execute_reply',
      'iopub.status.idle'
    ]) {
      expect(Number.isNaN(Date.parse(timing[key]))).toBe(false);
    }
    expect(Date.parse(timing['shell.execute_reply'])).toBeGreaterThanOrEqual(
      Date.parse(timing['shell.execute_reply.started'])
    );
    await setSetting(page, '@jupyterlab/notebook-extension:tracker', 'recordTiming', false);
  });

  test('Run All Above and Run All Below run exactly their cells; Run runs one and moves on', async ({
    page,
    tmpPath
  }) => {
    const path = `${tmpPath}/above-below.ipynb`;
    writeNotebook(path, MIXED);
    await openNotebook(page, path);
    await selectCell(page, 2);
    await execCommand(page, 'notebook:run-all-above');
    await expect(outputOf(page, 1)).toContainText('P');
    await expect(outputOf(page, 0)).toContainText('A');
    await expect(promptOf(page, 2)).toHaveText('[ ]:');
    await expect(promptOf(page, 3)).toHaveText('[ ]:');

    await selectCell(page, 2);
    await execCommand(page, 'notebook:run-all-below');
    await expect(outputOf(page, 3)).toContainText('Q');
    await expect(outputOf(page, 2)).toContainText('B');
    // The coroutine count goes on from the first run: A was 1, B is 2.
    await expect(promptOf(page, 2)).toHaveText('[2]:');

    await selectCell(page, 0);
    await execCommand(page, 'notebook:run-cell-and-select-next');
    await expect(promptOf(page, 0)).toHaveText('[3]:');
    const active = await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.content.activeCellIndex);
    expect(active).toBe(1);
  });

  test('an error in a coroutine cell stops Run All there, like a kernel error', async ({ page, tmpPath }) => {
    const path = `${tmpPath}/stop.ipynb`;
    writeNotebook(path, [
      { type: 'coroutine', source: 'throw new Error("boom")' },
      { type: 'python', source: 'print("must not run")' },
      { type: 'coroutine', source: 'print("must not run either")' }
    ]);
    await openNotebook(page, path);
    await recordExecuted(page);
    await execCommand(page, 'notebook:run-all-cells');
    await expect(outputOf(page, 0)).toContainText('boom');
    await expect.poll(async () => (await executedCells(page)).length).toBeGreaterThan(0);
    const executed = await executedCells(page);
    expect(executed[0]).toEqual({ success: false, source: 'throw new Error("boom")' });
    await expect(outputOf(page, 1)).not.toContainText('must not run');
    await expect(outputOf(page, 2)).not.toContainText('must not run either');
  });

  test('no executor warning when this extension provides the cell executor', async ({ page }) => {
    await page.waitForTimeout(1000);
    const notifications = await page.evaluate(() => (window as any).galata.getNotifications());
    expect(notifications.map((n: any) => n.message).join('\n')).not.toContain('cell executor');
  });
});

test.describe('another cell executor', () => {
  test.use({ autoGoto: false });

  test('the user is told when another extension provides the cell executor', async ({ page }) => {
    // Simulate the conflict: the page config enables JupyterLab's default executor and disables
    // ours, as another extension taking over INotebookCellExecutor would.
    await page.route(/\/lab(\/|\?|$)/, async route => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /(<script id="jupyter-config-data" type="application\/json">)([\s\S]*?)(<\/script>)/,
        (_match: string, open: string, json: string, close: string) => {
          const config = JSON.parse(json);
          config.disabledExtensions = (config.disabledExtensions ?? [])
            .filter((id: string) => id !== '@jupyterlab/notebook-extension:cell-executor')
            .concat(['jupyterlab-coroutine-cells:executor']);
          return `${open}${JSON.stringify(config)}${close}`;
        }
      );
      await route.fulfill({
        response,
        body: html,
        headers: { ...response.headers(), 'content-length': String(Buffer.byteLength(html)) }
      });
    });
    await page.goto();
    await expect(page.locator('.Toastify__toast', { hasText: 'TypeScript coroutine cells cannot run' })).toBeVisible();
    const messages = await page.evaluate(() =>
      (window as any).galata.getNotifications().then((all: any[]) => all.map(n => `${n.type}: ${n.message}`))
    );
    const warning = messages.find((m: string) => m.includes('cannot run'));
    expect(warning).toContain('error: ');
    expect(warning).toContain(
      '"@jupyterlab/notebook-extension:cell-executor" also provides the notebook cell executor'
    );
    expect(warning).toContain('jupyter labextension disable');
  });
});
