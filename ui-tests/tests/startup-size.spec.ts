/**
 * Nothing heavy at JupyterLab start-up: before any coroutine cell runs, the page loads at most
 * 100 KB of this extension's JavaScript, and neither the worker nor the TypeScript compiler.
 * The worker is fetched on the first run.
 */
import { expect, test } from '@jupyterlab/galata';
import { execCommand, openNotebook, outputOf, writeNotebook } from './helpers';

const EXTENSION_PATH = '/lab/extensions/jupyterlab-coroutine-cells/static/';

// The response listener must be in place before JupyterLab loads.
test.use({ autoGoto: false });

test('start-up loads ≤ 100 KB of the extension and no worker; the first run fetches the worker', async ({
  page,
  tmpPath
}) => {
  const loaded = new Map<string, number>();
  page.on('response', async response => {
    const url = new URL(response.url());
    if (url.pathname.includes(EXTENSION_PATH) && url.pathname.endsWith('.js')) {
      const body = await response.body().catch(() => Buffer.alloc(0));
      loaded.set(url.pathname.split('/').pop() as string, body.length);
    }
  });
  await page.goto();
  const path = `${tmpPath}/size.ipynb`;
  writeNotebook(path, [{ type: 'coroutine', source: 'print("hi")' }]);
  await openNotebook(page, path);

  const startup = [...loaded.entries()];
  const total = startup.reduce((sum, [, size]) => sum + size, 0);
  console.log(
    `extension JavaScript at start-up: ${(total / 1024).toFixed(1)} KB in ${startup.length} files: ${startup.map(([n, s]) => `${n} ${(s / 1024).toFixed(1)} KB`).join(', ')}`
  );
  expect(startup.length).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(100 * 1024);
  expect(startup.some(([name]) => name.startsWith('coroutine-worker'))).toBe(false);

  await execCommand(page, 'notebook:run-all-cells');
  await expect(outputOf(page, 0)).toContainText('hi');
  expect([...loaded.keys()].some(name => name.startsWith('coroutine-worker'))).toBe(true);
});
