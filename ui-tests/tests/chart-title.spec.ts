/**
 * Issue 9, finding 11: the chart's title and the error line under it do not overlap when a
 * budget stops a run (as JupyterLab's Vega renderer draws them).
 */
import { expect, test } from '@jupyterlab/galata';
import { openNotebook, runCellAt, writeNotebook } from './helpers';

test.use({ autoGoto: true });

test('a budget-stopped chart shows its title and its error line without overlap', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/budget.ipynb`;
  writeNotebook(path, [
    {
      type: 'coroutine',
      source:
        '// @coroutine-cells maxSteps=50\nasync function spin() { for (;;) await sleep(0); }\nawait gather(spin(), spin());'
    }
  ]);
  await openNotebook(page, path);
  await runCellAt(page, 0);
  const cell = page.locator('.jp-Cell').nth(0);
  const title = cell.locator('.role-title-text text').first();
  const subtitle = cell.locator('.role-title-subtitle text').first();
  await expect(title).toBeVisible({ timeout: 60_000 });
  await expect(title).toContainText('Stopped by the step budget');
  await expect(subtitle).toContainText('BudgetExceededError');
  const a = (await title.boundingBox())!;
  const b = (await subtitle.boundingBox())!;
  // The title's box ends above the subtitle's.
  expect(a.y + a.height).toBeLessThanOrEqual(b.y + 0.5);
});
