/**
 * Prints the course's nbconvert HTML pages to PDF with the system Chromium, the way nbconvert's
 * webpdf exporter does (Chromium's print to PDF, A4), through Playwright's documented
 * `executablePath` launch option: nbconvert's own exporter can only use a browser that
 * Playwright downloaded itself, which this offline machine cannot do.
 *
 * Before printing, it checks in print layout that every code block fits the page width without
 * wrapping (a clipped or wrapped line would hide code); it writes layout.json beside the PDFs and
 * exits 1 if a code block is too wide.
 *
 * usage: node scripts/course-pdf.mjs HTML_DIR PDF_DIR
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from './chromium.mjs';
import { ROOT } from './lib.mjs';

const [htmlDir, pdfDir] = process.argv.slice(2).map(p => resolve(p));
if (!htmlDir || !pdfDir) {
  console.error('usage: node scripts/course-pdf.mjs HTML_DIR PDF_DIR');
  process.exit(2);
}
const executablePath = findChromium();
if (!executablePath) {
  console.error('[coroutine-cells] course-pdf: no Chromium found: install chromium or set CHROMIUM_PATH.');
  process.exit(1);
}
mkdirSync(pdfDir, { recursive: true });
const args = JSON.parse(readFileSync(join(ROOT, 'ui-tests', 'chromium-args.json'), 'utf8'));
const browser = await chromium.launch({ executablePath, args });
const layout = {};
let tooWide = 0;
try {
  const page = await browser.newPage();
  // A4 at 96 dpi minus 1.5 cm margins each side: the width the printed page gives the content.
  await page.setViewportSize({ width: 680, height: 1000 });
  for (const name of readdirSync(htmlDir)
    .filter(n => n.endsWith('.html'))
    .sort()) {
    await page.goto(pathToFileURL(join(htmlDir, name)).href, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const report = await page.evaluate(() => {
      const blocks = [...document.querySelectorAll('.jp-InputArea-editor pre, .jp-CodeMirrorEditor pre')];
      const overflowing = [];
      for (const pre of blocks) {
        const saved = pre.style.whiteSpace;
        pre.style.whiteSpace = 'pre';
        if (pre.scrollWidth > pre.clientWidth + 1) overflowing.push(pre.textContent.split('\n')[0]);
        pre.style.whiteSpace = saved;
      }
      return { codeBlocks: blocks.length, overflowing };
    });
    layout[name] = report;
    tooWide += report.overflowing.length;
    await page.pdf({
      path: join(pdfDir, basename(name, '.html') + '.pdf'),
      format: 'A4',
      printBackground: true,
      margin: { top: '1.5cm', bottom: '1.5cm', left: '1.5cm', right: '1.5cm' }
    });
  }
} finally {
  await browser.close();
}
writeFileSync(join(pdfDir, 'layout.json'), JSON.stringify(layout, null, 1) + '\n');
if (tooWide > 0) {
  console.error(`[coroutine-cells] course-pdf: ${tooWide} code blocks are wider than the page (see layout.json)`);
  process.exit(1);
}
console.log(`[coroutine-cells] course-pdf: ${Object.keys(layout).length} PDFs, every code block fits the page`);
