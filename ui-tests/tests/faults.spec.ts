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

// A hog that grows by hundreds of MB a second is stopped by the liveness check long before V8's heap
// limit. One that allocates gigabytes a second (`for (;;) hog.push(new Array(1_000_000).fill(1.5))`
// on an idle machine) reaches that limit within the check's 5 s, and in Chromium a worker at its
// heap limit takes the tab down with it: a known limit, said in the README's "Limits and safety".
test('a memory hog stops with a clear message instead of crashing the tab; the next cell runs in a new runtime', async ({
  page,
  tmpPath
}) => {
  const watch = watchPage(page);
  const path = `${tmpPath}/hog.ipynb`;
  writeCoroutineNotebook(path, [
    { type: 'coroutine', source: 'const keep = 1;' },
    {
      type: 'coroutine',
      // 800 KB every 5 ms (at most 160 MB/s), never awaiting.
      source:
        'const hog: any[] = [];\nfor (;;) {\n  hog.push(new Array(100_000).fill(1.5));\n' +
        '  const t = Date.now();\n  while (Date.now() - t < 5) {}\n}'
    },
    { type: 'coroutine', source: 'print("after", typeof keep);' }
  ]);
  await openNotebook(page, path);
  await runCellAt(page, 0);
  await expect(promptOf(page, 0)).toContainText('[1]');
  await runCellAt(page, 1);
  await expect(outputOf(page, 1)).toContainText('did not respond', { timeout: 60_000 });
  await expect(outputOf(page, 1)).toContainText('declarations from earlier cells are gone');
  await expectAlive(page, 2, 'after undefined');
  await expect(outputOf(page, 2)).toContainText('Note: this cell runs in a new coroutine runtime');
  expect(watch.crashed()).toBe(false);
  expect(watch.errors).toEqual([]);
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
