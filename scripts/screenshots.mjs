/**
 * `npm run screenshots`: refreshes the tracked images on purpose (a test run never writes them).
 * The README's charts (docs/images/seed-chart-*.png, by the headless renderer), the README's
 * JupyterLab screenshots (docs/images/seed-jupyterlab-*.png) and the reviewer screenshots in
 * ui-tests/screenshots/, which the UI tests that take them save there when asked through
 * COROUTINE_CELLS_README_IMAGES / COROUTINE_CELLS_SCREENSHOTS, and the course's MyST and LaTeX PDF
 * pictures (docs/images/course/, scripts/course-screenshots.mjs). `--readme` does the README images only.
 * Needs scripts/setup.mjs --test first (built extension, Chromium).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findChromium } from './chromium.mjs';
import { ROOT, run, step } from './lib.mjs';

const readmeOnly = process.argv.includes('--readme');
const env = {
  ...process.env,
  CHROMIUM_PATH: findChromium() ?? '',
  COROUTINE_CELLS_README_IMAGES: join(ROOT, 'docs', 'images'),
  COROUTINE_CELLS_SCREENSHOTS: join(ROOT, 'ui-tests', 'screenshots')
};
const playwright = join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');

step('the README charts (docs/images/seed-chart-*.png)');
run(process.execPath, [join(ROOT, 'scripts', 'render-readme-charts.mjs')]);

step('the README screenshots in JupyterLab (docs/images/seed-jupyterlab-*.png)');
const lab = ['test', '-c', join(ROOT, 'ui-tests', 'playwright.config.ts')];
const specs = readmeOnly
  ? ['readme-screenshots']
  : ['readme-screenshots', 'cell-type', 'coroutine-notebook', 'bad-input', 'live-progress'];
let failed =
  spawnSync(process.execPath, [playwright, ...lab, ...specs], { stdio: 'inherit', cwd: ROOT, env }).status !== 0;

if (!readmeOnly) {
  step('the course pictures no UI test takes (docs/images/course/myst-*.png, latex-*.png)');
  failed ||=
    spawnSync(process.execPath, [join(ROOT, 'scripts', 'course-screenshots.mjs')], { stdio: 'inherit', env }).status !==
    0;
  for (const config of ['playwright.notebook7.config.ts', 'playwright.lite.config.ts']) {
    if (config.includes('lite')) run(process.execPath, [join(ROOT, 'scripts', 'build-lite.mjs')]);
    step(`reviewer screenshots (${config})`);
    const result = spawnSync(process.execPath, [playwright, 'test', '-c', join(ROOT, 'ui-tests', config)], {
      stdio: 'inherit',
      cwd: ROOT,
      env
    });
    failed ||= result.status !== 0;
  }
}
step(failed ? 'some screenshots were not taken (see above)' : 'done: review the changed images with git diff --stat');
process.exit(failed ? 1 : 0);
