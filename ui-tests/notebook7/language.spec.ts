/** Issue 12 in Jupyter Notebook 7: TypeScript completion, inspection and type errors in coroutine cells. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { checkLanguageFeatures, DECLARING_CELL } from '../language-checks';

const ROOT = process.env.COROUTINE_CELLS_NB7_ROOT as string;

test('TypeScript in coroutine cells in Notebook 7: errors underlined, Tab completion, Shift+Tab', async ({ page }) => {
  mkdirSync(ROOT, { recursive: true });
  const cell = (id: string, source: string) => ({
    id,
    cell_type: 'code',
    metadata: { 'coroutine-cells': {} },
    source,
    outputs: [],
    execution_count: null
  });
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { 'coroutine-cells': { default: true }, language_info: { name: 'typescript' } },
    cells: [cell('declares', DECLARING_CELL), cell('typed', '')]
  };
  writeFileSync(join(ROOT, 'nb7-language.ipynb'), JSON.stringify(notebook));
  await page.goto('/notebooks/nb7-language.ipynb');
  await expect(page.locator('.jp-Notebook .jp-Cell').nth(1)).toBeVisible();
  await page.waitForFunction(() => Boolean((window as any).jupyterapp?.shell?.currentWidget?.context?.isReady));
  await checkLanguageFeatures(page);
});
