/**
 * Playwright configuration for the JupyterLite UI tests (ui-tests/lite/): the site built by
 * scripts/build-lite.mjs into _lite/, served as plain files by ui-tests/lite/serve.mjs (no Jupyter
 * server). Plain Playwright: Galata's fixtures need a Jupyter server.
 */
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import { suiteConfig } from './suite-config';

const root = resolve(__dirname, '..');
const port = process.env.COROUTINE_CELLS_LITE_PORT ?? '8896';

// Each test gets a fresh browser context, hence fresh in-browser storage for the site's files.
export default defineConfig({
  ...suiteConfig({
    testDir: './lite',
    outputDir: './test-results/lite',
    reportName: 'lite-results.json',
    baseURL: `http://127.0.0.1:${port}`
  }),
  webServer: {
    command: `${process.execPath} ${join(__dirname, 'lite', 'serve.mjs')} ${port}`,
    url: `http://127.0.0.1:${port}/lab/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
    cwd: root
  }
});
