/**
 * Issue 12: TypeScript in the editor of coroutine cells, in JupyterLab. Completion with its doc,
 * Shift+Tab inspection, underlined type errors with the problem count, names of earlier cells,
 * and no redeclaration error for a re-run cell.
 */
import { expect, test, type IJupyterLabPageFixture } from '@jupyterlab/galata';
import { resolve } from 'node:path';
import { openNotebook, setSetting, writeCoroutineNotebook } from './helpers';

/** With COROUTINE_CELLS_SCREENSHOTS=1 the README's pictures are taken into docs/images/. */
async function readmeScreenshot(page: IJupyterLabPageFixture, name: string): Promise<void> {
  if (process.env.COROUTINE_CELLS_SCREENSHOTS !== '1') return;
  const notebook = page.locator('.jp-NotebookPanel').first();
  await notebook.screenshot({ path: resolve(__dirname, '..', '..', 'docs', 'images', name) });
}

/** Puts the cursor at the end of cell `index`'s text (edit mode). */
async function editAtEnd(page: IJupyterLabPageFixture, index: number): Promise<void> {
  await page.locator('.jp-Notebook .jp-Cell').nth(index).locator('.cm-content').click();
  await page.keyboard.press('Control+End');
}

/**
 * The language worker starts when a coroutine cell first gets the focus (or after 4 idle
 * seconds); its first answer (the cell's problems, here one unknown name) says it is ready. The
 * completer gives a provider 1 s.
 */
async function waitForLanguage(page: IJupyterLabPageFixture, index: number): Promise<void> {
  await expect(cell(page, index).locator('.jp-CoroutineCells-problemCount')).toBeVisible({ timeout: 60_000 });
}

const cell = (page: IJupyterLabPageFixture, index: number) => page.locator('.jp-Notebook .jp-Cell').nth(index);

test.describe('TypeScript in coroutine cells', () => {
  test.use({ autoGoto: true });

  test('Tab completes gather with its doc, and a function of an earlier cell', async ({ page, tmpPath }) => {
    const path = `${tmpPath}/complete.ipynb`;
    writeCoroutineNotebook(path, [
      { type: 'coroutine', source: 'async function fetchPage(url: string) { await sleep(1); return url; }' },
      { type: 'coroutine', source: 'ga' }
    ]);
    await setSetting(page, '@jupyterlab/completer-extension:manager', 'showDocumentationPanel', true);
    await openNotebook(page, path);
    await editAtEnd(page, 1);
    await waitForLanguage(page, 1);
    await page.keyboard.press('Tab');
    const completer = page.locator('.jp-Completer');
    await expect(completer.locator('.jp-Completer-item[data-value="gather"]')).toBeVisible({ timeout: 30_000 });
    // Typing on narrows the list to `gath…`; the doc of the active item is in the panel.
    await page.keyboard.type('th');
    await expect(completer.locator('.jp-Completer-item')).toHaveCount(1);
    await expect(completer.locator('.jp-Completer-docpanel')).toContainText('asyncio.gather', { timeout: 15_000 });
    await readmeScreenshot(page, 'language-completion.png');
    await page.keyboard.press('Enter');
    await expect(cell(page, 1).locator('.cm-content')).toHaveText('gather');

    await page.keyboard.press('Enter');
    // `gath` + Tab, then a function of cell 1 in cell 2.
    await page.keyboard.type('gath');
    await page.keyboard.press('Tab');
    await expect(completer.locator('.jp-Completer-item[data-value="gather"]')).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await expect(cell(page, 1).locator('.cm-content')).toHaveText('gathergather');
    await page.keyboard.press('Enter');
    await page.keyboard.type('fetchP');
    await page.keyboard.press('Tab');
    await expect(completer.locator('.jp-Completer-item[data-value="fetchPage"]')).toBeVisible({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await expect(cell(page, 1).locator('.cm-content')).toContainText('fetchPage');
  });

  test('Shift+Tab on createTask shows its signature and doc; signature help follows the arguments', async ({
    page,
    tmpPath
  }) => {
    const path = `${tmpPath}/inspect.ipynb`;
    writeCoroutineNotebook(path, [{ type: 'coroutine', source: 'createTask' }]);
    await openNotebook(page, path);
    await editAtEnd(page, 0);
    await page.keyboard.press('Shift+Tab');
    const info = page.locator('.jp-CoroutineCells-info');
    await expect(info).toContainText('createTask<T>(coro: Coroutine<T>', { timeout: 30_000 });
    await expect(info).toContainText('asyncio.create_task');

    // Signature help follows the argument being typed (the active one is bold).
    await page.keyboard.type('(');
    await expect(info.locator('strong')).toHaveText(/^coro: Coroutine/, { timeout: 15_000 });
    await page.keyboard.type('sleep(1), ');
    await expect(info.locator('strong')).toHaveText(/^options\?: CreateTaskOptions/, { timeout: 15_000 });
  });

  test("a type error is underlined with TypeScript's message and counted; a re-run cell has none", async ({
    page,
    tmpPath
  }) => {
    const path = `${tmpPath}/errors.ipynb`;
    writeCoroutineNotebook(path, [
      { type: 'coroutine', source: 'const n: number = "a";' },
      { type: 'coroutine', source: 'const x = 1;\nprint(x)' }
    ]);
    await openNotebook(page, path);
    await editAtEnd(page, 0);
    const problem = cell(page, 0).locator('.jp-CoroutineCells-problem-error');
    await expect(problem).toHaveAttribute('title', /Type 'string' is not assignable to type 'number'\. \(TS2322\)/, {
      timeout: 30_000
    });
    await expect(cell(page, 0).locator('.jp-CoroutineCells-problemCount')).toHaveText('1 problem');
    // Hovering the mark shows the message.
    await problem.hover();
    await expect(page.locator('.jp-CoroutineCells-problem-message')).toHaveText(
      "Type 'string' is not assignable to type 'number'. (TS2322)"
    );
    await readmeScreenshot(page, 'language-type-error.png');

    // Run the second cell twice (re-declaring x), then edit it: still no problem.
    await editAtEnd(page, 1);
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Control+Enter');
    await expect(
      cell(page, 1).locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stdout"]').first()
    ).toContainText('1');
    await page.keyboard.type(';');
    await page.waitForTimeout(1000);
    await expect(cell(page, 1).locator('.jp-CoroutineCells-problem-error')).toHaveCount(0);
    await expect(cell(page, 1).locator('.jp-CoroutineCells-problemCount')).toBeHidden();
  });

  test('typeCheck: warn lists the type error first and runs the cell; error does not run it', async ({
    page,
    tmpPath
  }) => {
    const path = `${tmpPath}/typecheck.ipynb`;
    writeCoroutineNotebook(path, [
      { type: 'coroutine', source: 'const n: number = "a";\nprint("ran")' },
      { type: 'coroutine', source: '// @coroutine-cells typeCheck=error\nconst m: number = "b";\nprint("ran too")' }
    ]);
    await openNotebook(page, path);
    await editAtEnd(page, 0);
    await waitForLanguage(page, 0);
    await page.keyboard.press('Control+Enter');
    const first = cell(page, 0).locator('.jp-OutputArea-output');
    await expect(first.first()).toContainText(
      "1 type error (typeCheck=warn: the cell runs anyway)\n  cell 1, line 1, column 7: error TS2322: Type 'string' is not assignable to type 'number'.",
      { timeout: 60_000 }
    );
    await expect(first.nth(1)).toContainText('ran');

    await editAtEnd(page, 1);
    await page.keyboard.press('Control+Enter');
    const second = cell(page, 1).locator('.jp-OutputArea-output');
    await expect(second.first()).toContainText('TypeCheckError: 1 type error; the cell was not run (typeCheck=error)', {
      timeout: 60_000
    });
    await expect(second.first()).toContainText('cell 2, line 2, column 7: error TS2322');
    await expect(cell(page, 1).locator('.jp-OutputArea')).not.toContainText('ran too');
  });
});
