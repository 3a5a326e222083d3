/**
 * Playwright/Galata configuration: the system Chromium (Playwright cannot download browsers
 * here), no video or trace (they need Playwright's own ffmpeg), and a real `jupyter lab` server
 * from the project's .venv that Playwright starts and stops itself.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

const root = resolve(__dirname, '..');
const port = process.env.COROUTINE_CELLS_UI_PORT ?? '8899';
const serverRoot = process.env.COROUTINE_CELLS_UI_ROOT ?? mkdtempSync(join(tmpdir(), 'coroutine-cells-ui-'));
process.env.COROUTINE_CELLS_UI_ROOT = serverRoot;
process.env.COROUTINE_CELLS_UI_PORT = port;

module.exports = {
  ...baseConfig,
  testDir: './tests',
  outputDir: './test-results',
  retries: 0,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list'], ['json', { outputFile: resolve(__dirname, 'test-results', 'results.json') }]],
  use: {
    ...baseConfig.use,
    baseURL: `http://127.0.0.1:${port}`,
    video: 'off',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage'
      ]
    }
  },
  webServer: {
    command: `${join(root, '.venv', 'bin', 'jupyter')} lab --config ${join(__dirname, 'jupyter_server_test_config.py')}`,
    url: `http://127.0.0.1:${port}/lab`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { ...process.env, COROUTINE_CELLS_UI_ROOT: serverRoot, COROUTINE_CELLS_UI_PORT: port }
  }
};
