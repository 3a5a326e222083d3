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

/** The common part of a suite's configuration; `reportName` is its JSON report in test-results/. */
export function suiteConfig(options: { testDir: string; outputDir: string; reportName: string; baseURL: string }) {
  return {
    testDir: options.testDir,
    outputDir: options.outputDir,
    retries: 0,
    workers: 1,
    timeout: 120_000,
    expect: { timeout: 30_000 },
    reporter: [['list'], ['json', { outputFile: resolve(__dirname, 'test-results', options.reportName) }]] as [string, object?][],
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
