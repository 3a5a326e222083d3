/**
 * The same prebuilt extension in Jupyter Notebook 7: a coroutine notebook opens with no kernel
 * and runs with its chart; T makes a cell of a Python notebook a coroutine cell; the toolbar's
 * Interrupt reaches the coroutine runtime.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SCREENSHOTS } from '../suite-config';

const ROOT = process.env.COROUTINE_CELLS_NB7_ROOT as string;

function writeNotebook(
  name: string,
  cells: Array<{ coroutine: boolean; source: string }>,
  coroutineNotebook: boolean
): string {
  mkdirSync(ROOT, { recursive: true });
  const metadata: Record<string, unknown> = coroutineNotebook
    ? {
        'coroutine-cells': { default: true },
        language_info: {
          name: 'typescript',
          file_extension: '.ts',
          mimetype: 'text/typescript',
          codemirror_mode: 'typescript'
        }
      }
    : { kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)', language: 'python' } };
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata,
    cells: cells.map((cell, index) => ({
      id: `cell-${index}`,
      cell_type: 'code',
      metadata: cell.coroutine ? { 'coroutine-cells': {} } : {},
      source: cell.source,
      outputs: [],
      execution_count: null
    }))
  };
  writeFileSync(join(ROOT, name), JSON.stringify(notebook, null, 1));
  return name;
}

const cellAt = (page: Page, index: number) => page.locator('.jp-Notebook .jp-Cell').nth(index);

async function open(page: Page, name: string): Promise<void> {
  await page.goto(`/notebooks/${name}`);
  await expect(cellAt(page, 0)).toBeVisible();
  await page.waitForFunction(() => Boolean((window as any).jupyterapp?.shell?.currentWidget?.context?.isReady));
}

async function command(page: Page, id: string): Promise<void> {
  await page.evaluate(id => {
    void (window as any).jupyterapp.commands.execute(id);
  }, id);
}

test('a coroutine notebook opens without a kernel in Notebook 7 and a cell runs with its chart', async ({ page }) => {
  // Every plugin of the extension activates in Notebook 7 (optional services may be missing there).
  const errors: string[] = [];
  page.on('console', message => {
    if (message.type() === 'error' && message.text().includes('coroutine-cells')) {
      errors.push(message.text());
    }
  });
  const name = writeNotebook(
    'nb7-coroutine.ipynb',
    [
      {
        coroutine: true,
        source: `async function task(name: string, delay: number) {\n  await sleep(delay);\n  print(name, "done");\n}\nawait gather(task("a", 1), task("b", 2));`
      }
    ],
    true
  );
  await open(page, name);
  await expect(cellAt(page, 0).locator('.jp-CoroutineCells-badge')).toHaveText('TS coroutine · virtual');
  await page.waitForTimeout(1000);
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
  expect(
    await page.evaluate(() => Boolean((window as any).jupyterapp.shell.currentWidget.sessionContext.session?.kernel))
  ).toBe(false);

  await command(page, 'notebook:run-all-cells');
  await expect(cellAt(page, 0).locator('.jp-OutputArea')).toContainText('b done');
  await expect(
    cellAt(page, 0).locator('.jp-OutputArea .vega-embed svg, .jp-OutputArea .vega-embed canvas').first()
  ).toBeVisible();
  await expect(cellAt(page, 0).locator('.jp-InputPrompt')).toHaveText('[1]:');
  await page.screenshot({ path: `${SCREENSHOTS}/notebook7.png` });
  // The runtime runs in a sandboxed frame of its own (its own process in Chromium), not in the page.
  await expect(page.locator('iframe.jp-CoroutineCells-runtimeFrame[sandbox="allow-scripts"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('T makes a cell of a Python notebook a coroutine cell in Notebook 7, and it runs in the worker', async ({
  page
}) => {
  const name = writeNotebook(
    'nb7-python.ipynb',
    [{ coroutine: false, source: 'print("from TypeScript", 6 * 7)' }],
    false
  );
  await open(page, name);
  await cellAt(page, 0).locator('.jp-InputPrompt').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('t');
  await expect(cellAt(page, 0).locator('.jp-CoroutineCells-badge')).toBeVisible();
  await command(page, 'notebook:run-all-cells');
  await expect(cellAt(page, 0).locator('.jp-OutputArea')).toContainText('from TypeScript 42');

  await command(page, 'docmanager:save');
  await expect
    .poll(() => JSON.parse(readFileSync(join(ROOT, name), 'utf8')).cells[0].metadata['coroutine-cells'])
    .toEqual({});
});

test('a long real-clock cell shows its live chart under it in Notebook 7, then the final chart', async ({ page }) => {
  const source =
    '// @coroutine-cells clock=real\nconst tasks: Task<void>[] = [];\n' +
    'for (let i = 0; i < 10; i++) { tasks.push(createTask(sleep(0.3))); await sleep(0.25); }\n' +
    'const done = await gather(...tasks);';
  const name = writeNotebook('nb7-live.ipynb', [{ coroutine: true, source }], true);
  await open(page, name);
  await command(page, 'notebook:run-all-cells');
  const live = cellAt(page, 0).locator('.jp-CoroutineCells-progress');
  await expect(live.locator('svg.marks')).toBeVisible({ timeout: 15_000 });
  await expect(live).toContainText(/Running… [\d.]+ s of real time/);
  await expect(live).toHaveCount(0, { timeout: 20_000 });
  await expect(cellAt(page, 0).locator('.jp-OutputArea .vega-embed svg.marks')).toBeVisible();
});

test("Notebook 7's Interrupt button interrupts a coroutine cell", async ({ page }) => {
  const name = writeNotebook(
    'nb7-interrupt.ipynb',
    [
      {
        coroutine: true,
        source:
          '// @coroutine-cells clock=real\ntry {\n  print("looping");\n  while (true) await sleep(1);\n} finally {\n  print("finally ran");\n}'
      }
    ],
    true
  );
  await open(page, name);
  await command(page, 'notebook:run-all-cells');
  await expect(cellAt(page, 0).locator('.jp-OutputArea')).toContainText('looping');
  await page.locator('[data-jp-item-name="interrupt"] jp-button').click();
  await expect(cellAt(page, 0).locator('.jp-OutputArea')).toContainText('KeyboardInterrupt');
  await expect(cellAt(page, 0).locator('.jp-OutputArea')).toContainText('finally ran');
});

test('a coroutine notebook naming the coroutine-cells kernel runs in the browser: no kernel is started', async ({
  page
}) => {
  const name = writeNotebook(
    'nb7-kernelspec.ipynb',
    [{ coroutine: true, source: 'await sleep(1);\nprint("ran in the browser")' }],
    true
  );
  const notebook = JSON.parse(readFileSync(join(ROOT, name), 'utf8'));
  notebook.metadata.kernelspec = {
    name: 'coroutine-cells',
    display_name: 'TypeScript (coroutine cells)',
    language: 'typescript'
  };
  writeFileSync(join(ROOT, name), JSON.stringify(notebook, null, 1));
  await open(page, name);
  await command(page, 'notebook:run-all-cells');
  await expect(cellAt(page, 0).locator('.jp-OutputArea')).toContainText('ran in the browser');
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
  // This server has the kernel installed (the project's .venv), and still none was started for this
  // notebook. Earlier tests of the same server may have left a python3 kernel running: look at this
  // notebook's sessions and at kernels named coroutine-cells, not at the whole list.
  const sessions = (await (await page.request.get('/api/sessions')).json()) as Array<{ path: string }>;
  expect(sessions.filter(session => session.path.endsWith(name))).toEqual([]);
  const kernels = (await (await page.request.get('/api/kernels')).json()) as Array<{ name: string }>;
  expect(kernels.filter(kernel => kernel.name === 'coroutine-cells')).toEqual([]);
});
