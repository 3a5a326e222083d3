/**
 * Playwright configuration for the Jupyter Notebook 7 UI tests (ui-tests/notebook7/): the same
 * prebuilt extension, installed in .venv, in `jupyter notebook` (notebook 7.6) on its own port.
 * Plain Playwright (Galata's fixtures drive JupyterLab's shell, not Notebook 7's).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { suiteConfig } from './suite-config';

const root = resolve(__dirname, '..');
const port = process.env.COROUTINE_CELLS_NB7_PORT ?? '8897';
const serverRoot = process.env.COROUTINE_CELLS_NB7_ROOT ?? mkdtempSync(join(tmpdir(), 'coroutine-cells-nb7-'));
process.env.COROUTINE_CELLS_NB7_ROOT = serverRoot;

export default defineConfig({
  ...suiteConfig({
    testDir: './notebook7',
    outputDir: './test-results/notebook7',
    reportName: 'notebook7-results.json',
    baseURL: `http://127.0.0.1:${port}`
  }),
  webServer: {
    command: `${join(root, '.venv', 'bin', 'jupyter')} notebook --config ${join(__dirname, 'jupyter_notebook_test_config.py')}`,
    url: `http://127.0.0.1:${port}/tree`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { ...process.env, COROUTINE_CELLS_UI_ROOT: serverRoot, COROUTINE_CELLS_UI_PORT: port }
  }
});
