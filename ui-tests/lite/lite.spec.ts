/**
 * The same prebuilt extension in a JupyterLite site (jupyterlite-core 0.8.6, built by
 * scripts/build-lite.mjs): a coroutine cell runs and shows its chart with no server at all, and
 * a new coroutine notebook can be made from the Launcher.
 */
import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOTS } from '../suite-config';

const cellAt = (page: Page, index: number) => page.locator('.jp-Notebook .jp-Cell').nth(index);

async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as any).jupyterapp?.shell), undefined, { timeout: 60_000 });
  await (page.evaluate(() => (window as any).jupyterapp.restored) as Promise<unknown>);
}

test('the seed coroutine cell runs with its chart in JupyterLite, with no Jupyter server', async ({ page }) => {
  // Everything the page asks for must be a static file: record any request to a server API.
  const apiCalls: string[] = [];
  page.on('request', request => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/kernels') || url.pathname.startsWith('/api/sessions')) {
      apiCalls.push(url.pathname);
    }
  });
  await page.goto('/lab/index.html?path=coroutines.ipynb');
  await waitForApp(page);
  await expect(cellAt(page, 1).locator('.jp-CoroutineCells-badge')).toHaveText('TS coroutine · virtual');
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);

  await page.evaluate(() => (window as any).jupyterapp.commands.execute('notebook:run-all-cells'));
  const output = cellAt(page, 1).locator('.jp-OutputArea');
  await expect(output).toContainText("Results: [ 'Task 1 result', 'Task 2 result' ]");
  await expect(output.locator('.vega-embed svg, .vega-embed canvas').first()).toBeVisible();
  await expect(cellAt(page, 1).locator('.jp-InputPrompt')).toHaveText('[1]:');
  await expect(page.locator('.jp-CoroutineCells-status')).toHaveText('TS coroutines | Idle');
  await page.screenshot({ path: `${SCREENSHOTS}/jupyterlite.png` });
  // The runtime runs in a sandboxed frame of its own (its own process in Chromium), not in the page.
  await expect(page.locator('iframe.jp-CoroutineCells-runtimeFrame[sandbox="allow-scripts"]')).toHaveCount(1);
  expect(apiCalls).toEqual([]);
});

test('the Launcher makes a coroutine notebook in JupyterLite; Change to Code cell and undo work there', async ({
  page
}) => {
  await page.goto('/lab/index.html');
  await waitForApp(page);
  await page.locator('.jp-LauncherCard', { hasText: 'TypeScript Coroutines' }).click();
  await expect(cellAt(page, 0).locator('.jp-CoroutineCells-badge')).toBeVisible();
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
  await page.evaluate(() => {
    const notebook = (window as any).jupyterapp.shell.currentWidget.content;
    notebook.widgets[0].model.sharedModel.setSource('print("made in the browser")');
  });
  await page.evaluate(() => (window as any).jupyterapp.commands.execute('notebook:run-all-cells'));
  await expect(cellAt(page, 0).locator('.jp-OutputArea')).toContainText('made in the browser');

  // Change to Code cell and back with the commands; undo restores the coroutine cell.
  await cellAt(page, 0).locator('.jp-InputPrompt').click();
  await page.evaluate(() => (window as any).jupyterapp.commands.execute('coroutine-cells:change-to-code-cell'));
  await expect(cellAt(page, 0).locator('.jp-CoroutineCells-badge')).toHaveCount(0);
  await page.evaluate(() => (window as any).jupyterapp.commands.execute('notebook:undo-cell-action'));
  await expect(cellAt(page, 0).locator('.jp-CoroutineCells-badge')).toBeVisible();
});

test('a long real-clock cell shows its live chart in JupyterLite, then the final chart', async ({ page }) => {
  await page.goto('/lab/index.html');
  await waitForApp(page);
  await page.locator('.jp-LauncherCard', { hasText: 'TypeScript Coroutines' }).click();
  await expect(cellAt(page, 0).locator('.jp-CoroutineCells-badge')).toBeVisible();
  await page.evaluate(() => {
    const notebook = (window as any).jupyterapp.shell.currentWidget.content;
    notebook.widgets[0].model.sharedModel.setSource(
      '// @coroutine-cells clock=real\nconst tasks: Task<void>[] = [];\n' +
        'for (let i = 0; i < 10; i++) { tasks.push(createTask(sleep(0.3))); await sleep(0.25); }\n' +
        'const done = await gather(...tasks);'
    );
  });
  // Started, not awaited: the live view is watched while the cell runs.
  await page.evaluate(() => {
    void (window as any).jupyterapp.commands.execute('notebook:run-all-cells');
  });
  const live = cellAt(page, 0).locator('.jp-CoroutineCells-progress');
  await expect(live.locator('svg.marks')).toBeVisible({ timeout: 15_000 });
  await expect(live).toContainText(/Running… [\d.]+ s of real time/);
  await expect(live).toHaveCount(0, { timeout: 20_000 });
  await expect(cellAt(page, 0).locator('.jp-OutputArea .vega-embed svg.marks')).toBeVisible();
});
