/**
 * The TypeScript-in-the-editor checks shared by the Notebook 7 and JupyterLite suites (the
 * JupyterLab suite has its own, finer ones in tests/language.spec.ts): in a coroutine notebook
 * whose cell 0 declares `fetchPage` and whose cell 1 is being typed, a type error is underlined
 * with TypeScript's message, Tab completes `gath` and `fetchP`, Shift+Tab shows createTask's doc.
 */
import { expect, type Page } from '@playwright/test';

const cellAt = (page: Page, index: number) => page.locator('.jp-Notebook .jp-Cell').nth(index);

/** The first cell's source in these checks. */
export const DECLARING_CELL = 'async function fetchPage(url: string) { await sleep(1); return url; }';

/** Runs the checks on the open notebook (cell 0: DECLARING_CELL, cell 1: empty coroutine cell). */
export async function checkLanguageFeatures(page: Page): Promise<void> {
  await cellAt(page, 1).locator('.cm-content').click();
  await page.keyboard.type('const n: number = "a";');
  const problem = cellAt(page, 1).locator('.jp-CoroutineCells-problem-error');
  await expect(problem).toHaveAttribute('title', /Type 'string' is not assignable to type 'number'\. \(TS2322\)/, {
    timeout: 60_000
  });
  await expect(cellAt(page, 1).locator('.jp-CoroutineCells-problemCount')).toHaveText('1 problem');

  const completer = page.locator('.jp-Completer');
  await page.keyboard.press('Enter');
  await page.keyboard.type('gath');
  await page.keyboard.press('Tab');
  await expect(completer.locator('.jp-Completer-item[data-value="gather"]')).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('fetchP');
  await page.keyboard.press('Tab');
  await expect(completer.locator('.jp-Completer-item[data-value="fetchPage"]')).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await expect(cellAt(page, 1).locator('.cm-content')).toContainText('gather');
  await expect(cellAt(page, 1).locator('.cm-content')).toContainText('fetchPage');

  await page.keyboard.press('Enter');
  await page.keyboard.type('createTask');
  await page.keyboard.press('Shift+Tab');
  const info = page.locator('.jp-CoroutineCells-info');
  await expect(info).toContainText('createTask<T>(coro: Coroutine<T>', { timeout: 15_000 });
  await expect(info).toContainText('asyncio.create_task');
}
