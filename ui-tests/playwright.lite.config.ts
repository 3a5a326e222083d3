/**
 * Playwright configuration for the JupyterLite UI tests (ui-tests/lite/): the site built by
 * scripts/build-lite.mjs into _lite/, served as plain files by ui-tests/lite/serve.mjs (no Jupyter
 * server). Plain Playwright: Galata's fixtures need a Jupyter server.
 */
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const root = resolve(__dirname, '..');
const port = process.env.COROUTINE_CELLS_LITE_PORT ?? '8896';

export default defineConfig({
  testDir: './lite',
  outputDir: './test-results/lite',
  retries: 0,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['json', { outputFile: resolve(__dirname, 'test-results', 'lite-results.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1024, height: 768 },
    video: 'off',
    trace: 'off',
    screenshot: 'only-on-failure',
    // Each test gets a fresh browser context, hence fresh in-browser storage for the site's files.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
    }
  },
  webServer: {
    command: `${process.execPath} ${join(__dirname, 'lite', 'serve.mjs')} ${port}`,
    url: `http://127.0.0.1:${port}/lab/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
    cwd: root
  }
});
