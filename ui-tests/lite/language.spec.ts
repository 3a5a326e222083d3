/** Issue 12 in JupyterLite (no server): TypeScript completion, inspection and type errors in coroutine cells. */
import { expect, test } from '@playwright/test';
import { checkLanguageFeatures, DECLARING_CELL } from '../language-checks';

test('TypeScript in coroutine cells in JupyterLite: errors underlined, Tab completion, Shift+Tab', async ({ page }) => {
  await page.goto('/lab/index.html');
  await page.waitForFunction(() => Boolean((window as any).jupyterapp?.shell), undefined, { timeout: 60_000 });
  await (page.evaluate(() => (window as any).jupyterapp.restored) as Promise<unknown>);
  await page.locator('.jp-LauncherCard', { hasText: 'TypeScript Coroutines' }).click();
  await expect(page.locator('.jp-Notebook .jp-Cell').first().locator('.jp-CoroutineCells-badge')).toBeVisible();
  await page.evaluate(async source => {
    const app = (window as any).jupyterapp;
    app.shell.currentWidget.content.widgets[0].model.sharedModel.setSource(source);
    await app.commands.execute('notebook:insert-cell-below');
  }, DECLARING_CELL);
  await expect(page.locator('.jp-Notebook .jp-Cell').nth(1).locator('.jp-CoroutineCells-badge')).toBeVisible();
  await checkLanguageFeatures(page);
});
