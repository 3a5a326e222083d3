/**
 * The README's pictures of the published course that no UI test takes: lesson 3 of the MyST site
 * (a Chromium screenshot) and the first page of its LaTeX PDF (pdftoppm), written to
 * docs/images/course/. It builds those two parts into a temporary folder first. Run by
 * `npm run screenshots`; needs scripts/setup.mjs --test first (Chromium, LaTeX).
 *
 * usage: node scripts/course-screenshots.mjs [OUT_DIR]   (default docs/images/course)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from './chromium.mjs';
import { ROOT, run, step } from './lib.mjs';

const images = resolve(process.argv[2] ?? join(ROOT, 'docs', 'images', 'course'));
const build = mkdtempSync(join(tmpdir(), 'coroutine-cells-course-shots-'));
try {
  run(process.execPath, [join(ROOT, 'scripts', 'course.mjs'), '--only', 'myst,latex', '--out', build]);
  mkdirSync(images, { recursive: true });

  step('course screenshots: lesson 3 of the MyST site');
  const args = JSON.parse(readFileSync(join(ROOT, 'ui-tests', 'chromium-args.json'), 'utf8'));
  const browser = await chromium.launch({ executablePath: findChromium() ?? '/usr/bin/chromium', args });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    await page.goto(pathToFileURL(join(build, 'myst', 'gather', 'index.html')).href, { waitUntil: 'load' });
    // From the first code cell down: its code, its output and its chart (an image, no script).
    await page
      .locator('pre.code')
      .first()
      .evaluate(pre => window.scrollTo(0, pre.offsetTop - 16));
    await page.screenshot({ path: join(images, 'myst-lesson-3.png') });
  } finally {
    await browser.close();
  }

  step('course screenshots: page 1 of lesson 3 as a LaTeX PDF (title, authors, the first cell)');
  run('pdftoppm', [
    '-png',
    '-r',
    '70',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    join(build, 'latex', '03-gather.pdf'),
    join(images, 'latex-lesson-3')
  ]);
} finally {
  rmSync(build, { recursive: true, force: true });
}
step(`course screenshots: myst-lesson-3.png, latex-lesson-3.png -> ${images}`);
