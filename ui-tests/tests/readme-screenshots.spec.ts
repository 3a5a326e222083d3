/**
 * The README's screenshots of the seed example in JupyterLab, light and dark: the cell, its
 * printed lines and its timing chart as JupyterLab renders them (docs/images/ when run by
 * `npm run screenshots`, an ignored folder otherwise).
 */
import { expect, test } from '@jupyterlab/galata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execCommand, openNotebook, outputOf, writeNotebook } from './helpers';
import { README_IMAGES } from '../suite-config';

const SEED = readFileSync(resolve(__dirname, '../../tests/fixtures/seed-example.ts'), 'utf8');

const IMAGES = README_IMAGES;

test.use({ viewport: { width: 1280, height: 900 } });

test('the seed example in JupyterLab, light and dark', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/seed-example.ipynb`;
  writeNotebook(path, [{ type: 'coroutine', source: SEED }]);
  await openNotebook(page, path);
  // A clean view: no side panel.
  await execCommand(page, 'application:toggle-left-area');
  await execCommand(page, 'notebook:run-all-cells');
  const cell = page.locator('.jp-Notebook .jp-Cell').first();
  await expect(outputOf(page, 0).locator('.vega-embed svg').first()).toBeVisible();
  await expect(outputOf(page, 0)).toContainText('Main: End');
  await cell.screenshot({ path: `${IMAGES}/seed-jupyterlab-light.png` });

  // JupyterLab's Vega renderer picks its theme when it draws: run again in the dark theme.
  await page.theme.setDarkTheme();
  await expect(page.locator('body')).toHaveAttribute('data-jp-theme-light', 'false');
  await execCommand(page, 'notebook:run-all-cells');
  await expect(outputOf(page, 0).locator('.vega-embed svg').first()).toBeVisible();
  await expect(outputOf(page, 0)).toContainText('Main: End');
  await cell.screenshot({ path: `${IMAGES}/seed-jupyterlab-dark.png` });
  await page.theme.setLightTheme();
});
