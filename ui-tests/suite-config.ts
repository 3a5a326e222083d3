/**
 * What every UI-test configuration shares: the system Chromium with the flags this machine needs
 * (Playwright cannot download browsers here), no video or trace (they need Playwright's own
 * ffmpeg), one worker, and a JSON report that scripts/test.mjs counts.
 */
import { resolve } from 'node:path';

/**
 * Chromium flags: no sandbox as root, no GPU, and no background traffic to a closed network
 * (chromium-args.json, shared with scripts/system-chromium.cjs for the browser check).
 */
export const CHROMIUM_ARGS: string[] = require('./chromium-args.json');

/**
 * Where UI tests save the screenshots a reviewer looks at: an ignored folder, so a test run
 * leaves `git status` clean. `npm run screenshots` sets COROUTINE_CELLS_SCREENSHOTS to
 * ui-tests/screenshots (tracked) to refresh them on purpose.
 */
export const SCREENSHOTS = resolve(
  process.env.COROUTINE_CELLS_SCREENSHOTS || resolve(__dirname, 'test-results', 'screenshots')
);

/**
 * Where the README's JupyterLab screenshots go: docs/images only when `npm run screenshots`
 * asks for them (COROUTINE_CELLS_README_IMAGES), an ignored folder in every test run.
 */
export const README_IMAGES = resolve(
  process.env.COROUTINE_CELLS_README_IMAGES || resolve(__dirname, 'test-results', 'readme-images')
);

/** The common part of a suite's configuration; `reportName` is its JSON report in test-results/. */
export function suiteConfig(options: { testDir: string; outputDir: string; reportName: string; baseURL: string }) {
  return {
    testDir: options.testDir,
    outputDir: options.outputDir,
    retries: 0,
    workers: 1,
    timeout: 120_000,
    expect: { timeout: 30_000 },
    reporter: [['list'], ['json', { outputFile: resolve(__dirname, 'test-results', options.reportName) }]] as [
      string,
      object?
    ][],
    use: {
      baseURL: options.baseURL,
      viewport: { width: 1024, height: 768 },
      video: 'off' as const,
      trace: 'off' as const,
      screenshot: 'only-on-failure' as const,
      launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS }
    }
  };
}
