/**
 * Finds the system Chromium the UI tests drive (Playwright cannot download browsers here), and
 * installs it through apt-get when it is missing and we are allowed to; otherwise stops with one
 * clear line saying what to install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { step } from './lib.mjs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The path of a Chromium executable, or null. CHROMIUM_PATH overrides the search. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  }
  return CANDIDATES.find(path => existsSync(path)) ?? null;
}

/** Returns Chromium's path, installing it with apt-get as root when it is missing. */
export function ensureChromium() {
  const found = findChromium();
  if (found) {
    return found;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (isRoot && hasApt) {
    step('installing Chromium for the UI tests (apt-get install chromium)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (result.status !== 0) {
        break;
      }
    }
    const installed = findChromium();
    if (installed) {
      return installed;
    }
  }
  console.error(
    '[coroutine-cells] Chromium is missing: install it (e.g. `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium/Chrome executable, then run `npm test` again.'
  );
  process.exit(1);
}
