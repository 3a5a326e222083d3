/**
 * Playwright/Galata configuration of the JupyterLab UI tests: the shared suite settings
 * (suite-config.ts: system Chromium, no video) and a real `jupyter lab` server from the project's
 * .venv that Playwright starts and stops itself.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suiteConfig } from './suite-config';

const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

const root = resolve(__dirname, '..');
const port = process.env.COROUTINE_CELLS_UI_PORT ?? '8899';
const serverRoot = process.env.COROUTINE_CELLS_UI_ROOT ?? mkdtempSync(join(tmpdir(), 'coroutine-cells-ui-'));
process.env.COROUTINE_CELLS_UI_ROOT = serverRoot;
process.env.COROUTINE_CELLS_UI_PORT = port;

const shared = suiteConfig({
  testDir: './tests',
  outputDir: './test-results',
  reportName: 'results.json',
  baseURL: `http://127.0.0.1:${port}`
});

module.exports = {
  ...baseConfig,
  ...shared,
  // Galata's own options (e.g. its helpers' defaults) stay under ours.
  use: { ...baseConfig.use, ...shared.use },
  webServer: {
    command: `${join(root, '.venv', 'bin', 'jupyter')} lab --config ${join(__dirname, 'jupyter_server_test_config.py')}`,
    url: `http://127.0.0.1:${port}/lab`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { ...process.env, COROUTINE_CELLS_UI_ROOT: serverRoot, COROUTINE_CELLS_UI_PORT: port }
  }
};
