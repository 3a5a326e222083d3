/**
 * Hostile cells and hostile notebooks in a real JupyterLab (issue 9, browser side): each ends
 * with a clear message in the cell, runs no script in the page, fetches nothing, and leaves the
 * page alive (a later cell runs, the page answers) and the notebook file intact.
 */
import { expect, test } from '@jupyterlab/galata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openNotebook,
  outputOf,
  promptOf,
  readNotebook,
  runCellAt,
  SERVER_ROOT,
  writeCoroutineNotebook
} from './helpers';

test.use({ autoGoto: true });

/** Fails the test if the page crashes or throws an uncaught error. */
function watchPage(page: any): { crashed: () => boolean; errors: string[] } {
  let crashed = false;
  const errors: string[] = [];
  page.on('crash', () => (crashed = true));
  page.on('pageerror', (error: Error) => {
    // ipywidgets' manager (installed for the kernel tests) throws when a notebook has no kernel
    // session: not this extension's error, and not a fault these tests provoke.
    if (!/@jupyter-widgets\//.test(error.stack ?? '')) errors.push(`${error.message}\n${error.stack}`);
  });
  return { crashed: () => crashed, errors };
}

/** The page still answers, and the last cell of the notebook runs and prints. */
async function expectAlive(page: any, index: number, text: string): Promise<void> {
  expect(await page.evaluate(() => document.querySelectorAll('.jp-Cell').length)).toBeGreaterThan(index);
  await runCellAt(page, index);
  await expect(outputOf(page, index)).toContainText(text, { timeout: 60_000 });
  await expect(promptOf(page, index)).not.toContainText('*');
}

const menuItems = async (page: any, index: number): Promise<string[]> => {
  const chart = outputOf(page, index).locator('.vega-embed');
  await expect(chart).toBeVisible();
  await chart.locator('details > summary').click();
  const items = chart.locator('.vega-actions a');
  await expect(items.first()).toBeVisible();
  return items.allInnerTexts();
};

/**
 * Evaluates `expression` in the page through a DevTools session of its own. Playwright (1.65) marks
 * the whole page as crashed when any out-of-process iframe of it crashes, and then refuses every
 * call on `page`, although the tab lives on; this session still reaches the page.
 */
async function pageSession(page: any): Promise<(expression: string) => Promise<any>> {
  // Galata's page fixture wraps the Page; a DevTools session needs the Page itself.
  const [real] = page.context().pages();
  const session = await page.context().newCDPSession(real);
  return async (expression: string) => {
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true
    });
    if (exceptionDetails)
      throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
}

/** Polls `read` until `test` accepts its value (or fails after `timeoutMs`, showing the last value). */
async function waitFor<T>(read: () => Promise<T>, test: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!test(value) && Date.now() < end) {
    await new Promise(resolve => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

// The issue's own hog allocates gigabytes a second and reaches V8's 4 GB heap limit within a few
// seconds, before the liveness check's 5 s. Its worker runs in a hidden sandboxed iframe, which
// Chromium puts in a process of its own: the hog ends that process, or the liveness check removes
// the frame first, and the tab, with an unsaved edit, lives on. Before the runtime frame, this
// hog crashed the tab: the session below could no longer evaluate anything.
test("the issue's GB/s memory hog ends its runtime, not the tab: the cell says so, an unsaved edit survives, the next cell runs", async ({
  page,
  tmpPath
}) => {
  const watch = watchPage(page);
  const path = `${tmpPath}/hog.ipynb`;
  writeCoroutineNotebook(path, [
    { type: 'coroutine', source: 'const keep = 1;' },
    { type: 'coroutine', source: 'const hog: any[] = [];\nfor (;;) hog.push(new Array(1_000_000).fill(1.5));' },
    { type: 'coroutine', source: 'print("after", typeof keep);' }
  ]);
  await openNotebook(page, path);
  await runCellAt(page, 0);
  await expect(promptOf(page, 0)).toContainText('[1]');
  // The runtime runs in a sandboxed frame of its own (its own process in Chromium), not in the page.
  await expect(page.locator('iframe.jp-CoroutineCells-runtimeFrame[sandbox="allow-scripts"]')).toHaveCount(1);
  const inPage = await pageSession(page);
  const notebook = 'jupyterapp.shell.currentWidget.content';
  // An edit that is not saved yet: it must still be there after the hog, and save.
  await inPage(`${notebook}.widgets[2].model.sharedModel.setSource('print("after", typeof keep); // unsaved edit')`);
  await inPage(`${notebook}.activeCellIndex = 1; void jupyterapp.commands.execute('notebook:run-cell'); 0`);
  const outputText = (index: number) =>
    inPage(`${notebook}.widgets[${index}].node.querySelector('.jp-OutputArea')?.textContent ?? ''`);
  const said = await waitFor(
    () => outputText(1),
    text => /declarations from earlier cells are gone/.test(text),
    120_000
  );
  expect(said).toMatch(/the runtime ran out of memory|the runtime did not respond for \d+ s/);
  expect(said).toContain('declarations from earlier cells are gone');
  // The tab lives: its own script still runs, the notebook has its three cells and the edit.
  expect(await inPage('document.querySelectorAll(".jp-Notebook .jp-Cell").length')).toBe(3);
  expect(await inPage(`${notebook}.widgets[2].model.sharedModel.getSource()`)).toContain('unsaved edit');
  await inPage(`${notebook}.activeCellIndex = 2; jupyterapp.commands.execute('notebook:run-cell').then(() => 0)`);
  const after = await waitFor(
    () => outputText(2),
    text => text.includes('after undefined'),
    90_000
  );
  expect(after).toContain('Note: this cell runs in a new coroutine runtime');
  expect(after).toContain('after undefined');
  await inPage("jupyterapp.commands.execute('docmanager:save').then(() => 0)");
  const saved = readNotebook(path);
  expect(saved.cells[2].source.join?.('') ?? saved.cells[2].source).toContain('unsaved edit');
  expect(JSON.stringify(saved.cells[1].outputs)).toMatch(/declarations from earlier cells are gone/);
  expect(watch.errors).toEqual([]);
});

// A hog that awaits between allocations answers the liveness pings, so nothing stops it before V8's
// heap limit: its runtime's process ends, the page notices the frame's silence within ~2.5 s and
// the cell says the runtime ran out of memory. (Before the runtime frame, this crashed the tab.)
// Near the limit V8 may collect garbage for seconds before it gives up; when that lasts longer
// than the runtime's 5 s answer limit, the runtime is replaced as unresponsive first, and the cell
// says that instead (which names filling memory as a cause). Which comes first is V8's timing:
// in 2 of 8 runs on the test machine it was the answer limit. Either way the runtime is gone and
// the cell says why; the page and the next cell live.
const RUNTIME_LOST_BY_MEMORY =
  /RuntimeError: the runtime ran out of memory|RuntimeRestarted: the runtime did not respond for \d+ s \(.*which may be filling memory/;
test('an awaiting memory hog runs the runtime out of memory: the cell says so and the page and the next cell live', async ({
  page,
  tmpPath
}) => {
  const watch = watchPage(page);
  const path = `${tmpPath}/async-hog.ipynb`;
  writeCoroutineNotebook(path, [
    {
      type: 'coroutine',
      source: 'const hog: any[] = [];\nfor (;;) {\n  hog.push(new Array(1_000_000).fill(1.5));\n  await sleep(0);\n}'
    },
    { type: 'coroutine', source: 'print("still alive");' }
  ]);
  await openNotebook(page, path);
  const inPage = await pageSession(page);
  const notebook = 'jupyterapp.shell.currentWidget.content';
  const outputText = (index: number) =>
    inPage(`${notebook}.widgets[${index}].node.querySelector('.jp-OutputArea')?.textContent ?? ''`);
  await inPage(`${notebook}.activeCellIndex = 0; void jupyterapp.commands.execute('notebook:run-cell'); 0`);
  const said = await waitFor(
    () => outputText(0),
    text => /declarations from earlier cells are gone/.test(text),
    120_000
  );
  expect(said).toMatch(RUNTIME_LOST_BY_MEMORY);
  await inPage(`${notebook}.activeCellIndex = 1; jupyterapp.commands.execute('notebook:run-cell').then(() => 0)`);
  expect(
    await waitFor(
      () => outputText(1),
      text => text.includes('still alive'),
      90_000
    )
  ).toContain('still alive');
  expect(await inPage('document.querySelectorAll(".jp-Notebook .jp-Cell").length')).toBe(2);
  expect(watch.errors).toEqual([]);
});

// The first run after opening a notebook waits up to 3 s for the TypeScript service (the type check
// before running). An Interrupt in that window used to be lost: the cell then ran `while (true) {}`
// with no interrupt pending and stayed at [*] for good.
test('Interrupt at once, while the first run waits for its type check, is not lost', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/early-interrupt.ipynb`;
  writeCoroutineNotebook(path, [
    { type: 'coroutine', source: 'while (true) {}' },
    { type: 'coroutine', source: 'print("next cell ran")' }
  ]);
  await openNotebook(page, path);
  await page.notebook.selectCells(0);
  // Interrupt as soon as the cell shows [*], before its run can have reached the runtime.
  await page.evaluate(async () => {
    const app = (window as any).jupyterapp;
    void app.commands.execute('notebook:run-cell');
    const queued = () => document.querySelector('.jp-Notebook .jp-Cell .jp-InputPrompt')?.textContent?.includes('*');
    for (let i = 0; i < 2000 && !queued(); i++) await new Promise(resolve => setTimeout(resolve, 5));
    void app.commands.execute('notebook:interrupt-kernel');
  });
  await expect(outputOf(page, 0)).toContainText(/KeyboardInterrupt|RuntimeRestarted/, { timeout: 15_000 });
  await expect(promptOf(page, 0)).not.toContainText('*');
  await expectAlive(page, 1, 'next cell ran');
});

test('an async recursion with no base case ends with an error and the page stays alive', async ({ page, tmpPath }) => {
  const watch = watchPage(page);
  const path = `${tmpPath}/recursion.ipynb`;
  writeCoroutineNotebook(path, [
    {
      type: 'coroutine',
      source: 'async function countdown(n: number): Promise<void> { await countdown(n - 1); }\nawait countdown(10);'
    },
    { type: 'coroutine', source: 'print("still alive");' }
  ]);
  await openNotebook(page, path);
  await runCellAt(page, 0);
  await expect(
    outputOf(page, 0).locator('.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]').first()
  ).toBeVisible({ timeout: 90_000 });
  await expect(outputOf(page, 0)).toContainText('RecursionError');
  await expectAlive(page, 1, 'still alive');
  expect(watch.crashed()).toBe(false);
});

test('creating 10,000,000 tasks ends with a clear message and the page stays alive', async ({ page, tmpPath }) => {
  const watch = watchPage(page);
  const path = `${tmpPath}/ten-million.ipynb`;
  writeCoroutineNotebook(path, [
    { type: 'coroutine', source: 'for (let i = 0; i < 10_000_000; i++) createTask(sleep(1));' },
    { type: 'coroutine', source: 'print("still alive");' }
  ]);
  await openNotebook(page, path);
  await runCellAt(page, 0);
  await expect(
    outputOf(page, 0).locator('.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]').first()
  ).toBeVisible({ timeout: 120_000 });
  await expect(outputOf(page, 0)).toContainText(/did not respond|Error/);
  await expectAlive(page, 1, 'still alive');
  expect(watch.crashed()).toBe(false);
});

test('a task named with HTML: the chart menu has no "View Source" and no script runs', async ({ page, tmpPath }) => {
  const watch = watchPage(page);
  const path = `${tmpPath}/xss-task.ipynb`;
  writeCoroutineNotebook(path, [
    {
      type: 'coroutine',
      source: 'await createTask(sleep(1), { name: "<img src=x onerror=\\"window.__ccXss = 1\\">" });\nprint("ran");'
    }
  ]);
  await openNotebook(page, path);
  await runCellAt(page, 0);
  await expect(outputOf(page, 0)).toContainText('ran');
  const items = await menuItems(page, 0);
  expect(items.join('|')).toMatch(/Save as SVG/);
  expect(items.join('|')).not.toMatch(/View Source|View Compiled|Open in Vega Editor/);
  expect(page.context().pages()).toHaveLength(1);
  expect(await page.evaluate(() => (window as any).__ccXss)).toBeUndefined();
  expect(watch.errors).toEqual([]);
});

test('a malicious saved chart opened without running fetches nothing, shows no source action and runs no script', async ({
  page,
  tmpPath
}) => {
  const watch = watchPage(page);
  const path = `${tmpPath}/malicious-spec.ipynb`;
  writeCoroutineNotebook(path, [{ type: 'coroutine', source: 'print(1)' }]);
  writeFileSync(join(SERVER_ROOT, tmpPath, 'secret.csv'), 'a,b\n1,2\n');
  const notebook = readNotebook(path);
  notebook.cells[0].outputs = [
    {
      output_type: 'display_data',
      metadata: {
        'application/vnd.vegalite.v5+json': {
          embed_options: { sourceHeader: '<img src=x onerror="window.__ccXss=2">' }
        }
      },
      data: {
        'text/plain': ['<chart>'],
        'application/vnd.vegalite.v5+json': {
          $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
          usermeta: {
            embedOptions: {
              actions: true,
              sourceHeader: '<img src=x onerror="window.__ccXss=1">',
              config: 'http://127.0.0.1:9/evil-config.json'
            }
          },
          data: { url: 'secret.csv' },
          layer: [{ data: { url: 'http://127.0.0.1:9/evil-data.json' }, mark: 'point' }],
          mark: 'bar',
          encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } }
        }
      }
    }
  ];
  writeFileSync(join(SERVER_ROOT, path), JSON.stringify(notebook, null, 1));
  const saved = readFileSync(join(SERVER_ROOT, path), 'utf8');
  const requests: string[] = [];
  page.on('request', (request: any) => requests.push(request.url()));
  await openNotebook(page, path);
  const items = await menuItems(page, 0);
  expect(items.join('|')).not.toMatch(/View Source|View Compiled|Open in Vega Editor/);
  expect(requests.filter(url => /secret\.csv|evil/.test(url))).toEqual([]);
  expect(await page.evaluate(() => (window as any).__ccXss)).toBeUndefined();
  expect(page.context().pages()).toHaveLength(1);
  // Nothing written behind the user's back: the file is as it was.
  expect(readFileSync(join(SERVER_ROOT, path), 'utf8')).toBe(saved);
  expect(watch.errors).toEqual([]);
});

test('self.close() in a cell ends it clearly and the next cell runs in a new runtime (not [*] forever)', async ({
  page,
  tmpPath
}) => {
  const watch = watchPage(page);
  const path = `${tmpPath}/close.ipynb`;
  writeCoroutineNotebook(path, [
    { type: 'coroutine', source: 'const keep = 1;' },
    { type: 'coroutine', source: '(self as any).close();\nawait sleep(1);' },
    { type: 'coroutine', source: 'print("next", typeof keep);' }
  ]);
  await openNotebook(page, path);
  await runCellAt(page, 0);
  await expect(promptOf(page, 0)).toContainText('[1]');
  await runCellAt(page, 1);
  await expect(outputOf(page, 1)).toContainText('closed by the cell', { timeout: 30_000 });
  await expectAlive(page, 2, 'next undefined');
  expect(watch.errors).toEqual([]);
});

test('malformed messages from the worker are reported in the cell and never throw on the page', async ({
  page,
  tmpPath
}) => {
  const watch = watchPage(page);
  const path = `${tmpPath}/protocol.ipynb`;
  writeCoroutineNotebook(path, [
    {
      type: 'coroutine',
      source:
        "postMessage(null);\npostMessage({ type: 'output', requestId: 'x', output: { output_type: 'stream', name: 'stdout', text: 42 } });\nprint('after');"
    },
    { type: 'coroutine', source: '(Array.prototype as any).push = null;' },
    { type: 'coroutine', source: 'print("fresh");' }
  ]);
  await openNotebook(page, path);
  await runCellAt(page, 0);
  await expect(outputOf(page, 0)).toContainText('after');
  await expect(outputOf(page, 0)).toContainText('RuntimeProtocolError');
  await runCellAt(page, 1);
  await expect(outputOf(page, 1)).toContainText('replaced built-ins the runtime relies on', { timeout: 30_000 });
  await expectAlive(page, 2, 'fresh');
  await expect(outputOf(page, 2)).toContainText('declarations from earlier cells are gone');
  expect(watch.errors).toEqual([]);
});

test('options in the cell metadata apply as the badge says: {"clock": "real"} runs on the real clock', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/metadata-clock.ipynb`;
  writeCoroutineNotebook(path, [
    {
      type: 'coroutine',
      source: 'const t0 = performance.now();\nawait sleep(1);\nprint(now() >= 1, performance.now() - t0 >= 900);'
    }
  ]);
  const notebook = readNotebook(path);
  notebook.cells[0].metadata['coroutine-cells'] = { clock: 'real' };
  writeFileSync(join(SERVER_ROOT, path), JSON.stringify(notebook, null, 1));
  await openNotebook(page, path);
  await expect(page.locator('.jp-Notebook .jp-Cell').nth(0).locator('.jp-CoroutineCells-badge')).toHaveText(
    'TS coroutine · real'
  );
  await runCellAt(page, 0);
  await expect(outputOf(page, 0)).toContainText('true true');
});
