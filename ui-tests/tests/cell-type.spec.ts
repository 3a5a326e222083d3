/**
 * Issue 6, points 1, 2 and 5: making and unmaking a coroutine cell (shortcut, palette, context
 * menu, cell toolbar; undoable), recognising one (badge with clock, TypeScript highlighting,
 * distinct prompt, in light and dark themes), and the settings applying without a reload.
 */
import { expect, test } from '@jupyterlab/galata';
import { badgeOf, cellFacts, openNotebook, selectCell, setSetting, writeNotebook } from './helpers';
import { SCREENSHOTS } from '../suite-config';

const TS_MIME = 'application/typescript';

test.use({ autoGoto: true });

const cellAt = (page: any, index: number) => page.locator('.jp-Notebook .jp-Cell').nth(index);

test('T in command mode makes a cell a coroutine cell (badge, TS editor, prompt); Z undoes and Shift+Z redoes it', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/make.ipynb`;
  writeNotebook(path, [
    { type: 'python', source: 'const answer: number = 42;\nprint(answer)' },
    { type: 'python', source: 'print("kernel ready")' }
  ]);
  await openNotebook(page, path);
  // Run a Python cell first: the kernel's language_info then resets every code cell's MIME type.
  await page.notebook.runCell(1);
  await expect(cellAt(page, 1).locator('.jp-OutputArea')).toContainText('kernel ready');
  expect((await cellFacts(page, 0)).mimeType).not.toBe(TS_MIME);

  await selectCell(page, 0);
  await page.keyboard.press('t');
  await expect.poll(async () => (await cellFacts(page, 0)).metadata).toEqual({});
  await expect(badgeOf(page, 0)).toHaveText('TS coroutine · virtual');
  await expect(cellAt(page, 0)).toHaveClass(/jp-CoroutineCell/);
  expect((await cellFacts(page, 0)).mimeType).toBe(TS_MIME);
  // TypeScript highlighting: the type annotation is a highlighted token, not plain text.
  await expect(cellAt(page, 0).locator('.cm-content span').first()).toBeVisible();
  // The prompt is drawn in the accent colour, unlike the Python cell's.
  const colour = (index: number) =>
    cellAt(page, index)
      .locator('.jp-InputPrompt')
      .evaluate(node => getComputedStyle(node).color);
  expect(await colour(0)).not.toBe(await colour(1));
  await cellAt(page, 0).screenshot({ path: `${SCREENSHOTS}/cell-badge-light.png` });

  await page.keyboard.press('z');
  await expect.poll(async () => (await cellFacts(page, 0)).metadata).toBeNull();
  await expect(badgeOf(page, 0)).toHaveCount(0);
  expect((await cellFacts(page, 0)).mimeType).not.toBe(TS_MIME);

  await page.keyboard.press('Shift+z');
  await expect.poll(async () => (await cellFacts(page, 0)).metadata).toEqual({});
  await expect(badgeOf(page, 0)).toHaveText('TS coroutine · virtual');
});

test('a markdown or raw cell becomes a code cell first, in one undo step', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/markdown.ipynb`;
  writeNotebook(path, [
    { type: 'markdown', source: 'print("from markdown")' },
    { type: 'python', source: 'print("python")' }
  ]);
  await openNotebook(page, path);
  await selectCell(page, 0);
  await page.keyboard.press('t');
  await expect.poll(() => cellFacts(page, 0)).toMatchObject({ type: 'code', metadata: {} });
  await expect(badgeOf(page, 0)).toBeVisible();
  const source = await page.evaluate(() =>
    (window as any).jupyterapp.shell.currentWidget.content.widgets[0].model.sharedModel.getSource()
  );
  expect(source).toBe('print("from markdown")');

  await page.keyboard.press('z');
  await expect.poll(() => cellFacts(page, 0)).toMatchObject({ type: 'markdown', metadata: null });
  await expect(badgeOf(page, 0)).toHaveCount(0);
});

test('the commands are in the command palette and the cell context menu, each only when it applies', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/menus.ipynb`;
  writeNotebook(path, [{ type: 'python', source: 'print(1)' }]);
  await openNotebook(page, path);
  await selectCell(page, 0);

  await page.keyboard.press('Control+Shift+c');
  await page.locator('#command-palette input').fill('TypeScript Coroutine Cell');
  await expect(
    page.locator('#command-palette .lm-CommandPalette-item', { hasText: 'Change to TypeScript Coroutine Cell' })
  ).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await cellFacts(page, 0)).metadata).toEqual({});

  await cellAt(page, 0).locator('.jp-InputPrompt').click({ button: 'right' });
  const menu = page.locator('.lm-Menu');
  await expect(menu.getByText('Change to Code Cell', { exact: true })).toBeVisible();
  await expect(menu.getByText('Change to TypeScript Coroutine Cell', { exact: true })).toBeHidden();
  await menu.getByText('Change to Code Cell', { exact: true }).click();
  await expect.poll(async () => (await cellFacts(page, 0)).metadata).toBeNull();

  await cellAt(page, 0).locator('.jp-InputPrompt').click({ button: 'right' });
  await expect(menu.getByText('Change to TypeScript Coroutine Cell', { exact: true })).toBeVisible();
  await menu.getByText('Change to TypeScript Coroutine Cell', { exact: true }).click();
  await expect.poll(async () => (await cellFacts(page, 0)).metadata).toEqual({});
});

test('the cell toolbar of the active cell has a button that toggles the coroutine cell type', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/toolbar.ipynb`;
  writeNotebook(path, [
    { type: 'python', source: '' },
    { type: 'python', source: '' }
  ]);
  await openNotebook(page, path);
  await selectCell(page, 0);
  const button = cellAt(page, 0).locator('.jp-cell-toolbar [data-jp-item-name="coroutine-cell-type"] button');
  await expect(button).toBeVisible();
  // Only the active cell has the toolbar.
  await expect(cellAt(page, 1).locator('.jp-cell-toolbar')).toHaveCount(0);
  await expect(button).toHaveAttribute('aria-label', 'Change to TypeScript coroutine cell');
  await cellAt(page, 0).screenshot({ path: `${SCREENSHOTS}/cell-toolbar.png` });
  await button.click();
  await expect.poll(async () => (await cellFacts(page, 0)).metadata).toEqual({});
  await expect(button).toHaveAttribute('aria-label', /Click to make it an ordinary code cell/);
  await button.click();
  await expect.poll(async () => (await cellFacts(page, 0)).metadata).toBeNull();
});

test('the badge follows the default clock from the settings and a first-line directive, without reloading', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/clock.ipynb`;
  writeNotebook(path, [
    { type: 'coroutine', source: 'await sleep(1)' },
    { type: 'coroutine', source: '// @coroutine-cells clock=real\nawait sleep(1)' }
  ]);
  await openNotebook(page, path);
  await expect(badgeOf(page, 0)).toHaveText('TS coroutine · virtual');
  await expect(badgeOf(page, 1)).toHaveText('TS coroutine · real');
  await setSetting(page, 'jupyterlab-coroutine-cells:executor', 'clock', 'real');
  await expect(badgeOf(page, 0)).toHaveText('TS coroutine · real');
  await setSetting(page, 'jupyterlab-coroutine-cells:executor', 'clock', 'virtual');
  await expect(badgeOf(page, 0)).toHaveText('TS coroutine · virtual');
  // The directive wins over the settings.
  await expect(badgeOf(page, 1)).toHaveText('TS coroutine · real');
});

test('the Settings Editor lists the runtime settings and the shortcut with descriptions', async ({ page }) => {
  await page.evaluate(() =>
    (window as any).jupyterapp.commands.execute('settingeditor:open', { query: 'Coroutine cells' })
  );
  const editor = page.locator('.jp-SettingsPanel, .jp-SettingsEditor').first();
  await expect(editor).toBeVisible();
  await page.getByText('Coroutine cells: runtime', { exact: true }).first().click();
  await expect(page.getByText('Default clock').first()).toBeVisible();
  await expect(page.getByText(/virtual: sleeps take no real time/).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/settings.png` });
  // The shortcut is declared in the schema, so the keyboard shortcut editor lists it.
  const shortcut = await page.evaluate(() =>
    (window as any).jupyterapp.commands.keyBindings
      .filter((b: any) => b.command === 'coroutine-cells:change-to-coroutine-cell')
      .map((b: any) => b.keys.join(' '))
  );
  expect(shortcut).toEqual(['T']);

  // ...where it can be changed like any other.
  await page.evaluate(() => (window as any).jupyterapp.commands.execute('application:toggle-left-area'));
  await page.evaluate(() =>
    (window as any).jupyterapp.commands.execute('settingeditor:open', { query: 'Keyboard Shortcuts' })
  );
  await page.getByText('Keyboard Shortcuts', { exact: true }).first().click();
  await page.locator('input[type="search"][placeholder="Search…"]').fill('Coroutine');
  const row = page
    .locator('.jp-Shortcuts-Row, [role="row"], tr', { hasText: 'Change to TypeScript Coroutine Cell' })
    .first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('T');
  await page.screenshot({ path: `${SCREENSHOTS}/settings-shortcut.png` });
});

test('the shortcut is a setting: changed to Shift+T in the shortcut settings, it applies without reloading', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/shortcut.ipynb`;
  writeNotebook(path, [
    { type: 'python', source: 'print(1)' },
    { type: 'python', source: 'print(2)' }
  ]);
  await openNotebook(page, path);
  const selector = '.jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus';
  const command = 'coroutine-cells:change-to-coroutine-cell';
  await setSetting(page, '@jupyterlab/shortcuts-extension:shortcuts', 'shortcuts', [
    { command, keys: ['T'], selector, disabled: true },
    { command, keys: ['Shift T'], selector }
  ]);
  await expect
    .poll(() =>
      page.evaluate(
        c =>
          (window as any).jupyterapp.commands.keyBindings
            .filter((b: any) => b.command === c)
            .map((b: any) => b.keys.join(' ')),
        command
      )
    )
    .toEqual(['Shift T']);
  await selectCell(page, 0);
  await page.keyboard.press('t');
  await page.waitForTimeout(500);
  expect((await cellFacts(page, 0)).metadata).toBeNull();
  await page.keyboard.press('Shift+T');
  await expect.poll(async () => (await cellFacts(page, 0)).metadata).toEqual({});
  await setSetting(page, '@jupyterlab/shortcuts-extension:shortcuts', 'shortcuts', []);
});

test('the badge, prompt and chart are legible in the dark theme', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/dark.ipynb`;
  writeNotebook(path, [
    {
      type: 'coroutine',
      source: `async function worker(name: string, delay: number) {\n  await sleep(delay);\n  print(name, "finished");\n  return name;\n}\nasync function main() {\n  const results = await gather(worker("fast", 1), worker("slow", 2));\n  print(results);\n}\nrun(main());`
    }
  ]);
  await openNotebook(page, path);
  await page.theme.setDarkTheme();
  await expect(badgeOf(page, 0)).toHaveText('TS coroutine · virtual');
  const [fg, bg] = await badgeOf(page, 0).evaluate(node => [
    getComputedStyle(node).color,
    getComputedStyle(node).backgroundColor
  ]);
  expect(fg).not.toBe(bg);
  await page.evaluate(() => (window as any).jupyterapp.commands.execute('notebook:run-all-cells'));
  await expect(
    cellAt(page, 0).locator('.jp-OutputArea .vega-embed svg, .jp-OutputArea .vega-embed canvas').first()
  ).toBeVisible();
  await page.waitForTimeout(500);
  await cellAt(page, 0).screenshot({ path: `${SCREENSHOTS}/chart-dark.png` });
  await page.theme.setLightTheme();
});

test('the badge and prompt follow the high-contrast theme', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/contrast.ipynb`;
  writeNotebook(path, [
    { type: 'coroutine', source: 'await sleep(1)' },
    { type: 'python', source: 'x = 1' }
  ]);
  await openNotebook(page, path);
  const lightBadge = await badgeOf(page, 0).evaluate(node => getComputedStyle(node).backgroundColor);
  await page.evaluate(() =>
    (window as any).jupyterapp.commands.execute('apputils:change-theme', { theme: 'JupyterLab Dark High Contrast' })
  );
  await expect(page.locator('body')).toHaveAttribute('data-jp-theme-name', 'JupyterLab Dark High Contrast');
  // Only theme variables are used: the badge takes the theme's colours.
  await expect
    .poll(() => badgeOf(page, 0).evaluate(node => getComputedStyle(node).backgroundColor))
    .not.toBe(lightBadge);
  const colour = (index: number) =>
    cellAt(page, index)
      .locator('.jp-InputPrompt')
      .evaluate(node => getComputedStyle(node).color);
  expect(await colour(0)).not.toBe(await colour(1));
  await cellAt(page, 0).screenshot({ path: `${SCREENSHOTS}/cell-badge-high-contrast.png` });
  await page.theme.setLightTheme();
});
