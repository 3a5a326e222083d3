/**
 * `npm run course` offline, into a temporary folder: nbconvert HTML and Markdown show every chart
 * as an image with its alt text and the code highlighted as TypeScript; the slides load reveal.js
 * and require.js from local files (no CDN); the PDFs exist and every code block fits the page
 * (checked by the system Chromium in print layout); the students' copies hide the solutions.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
let out = '';

function build(parts: string): Promise<void> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [join(ROOT, 'scripts', 'course.mjs'), '--only', parts, '--out', out],
      {
        cwd: ROOT,
        timeout: 400_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '' }
      },
      (error, stdout, stderr) => (error ? fail(new Error(`course build failed:\n${stdout}${stderr}`)) : done())
    );
  });
}

const read = (...parts: string[]) => readFileSync(join(out, ...parts), 'utf8');

describe('npm run course (HTML, Markdown, slides, PDF)', () => {
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'coroutine-cells-course-'));
    await build('html,markdown,slides,pdf');
  }, 420_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('HTML: every chart is a PNG with the run summary as alt text; code highlighted as TypeScript', () => {
    const html = read('html', '03-gather.html');
    // The lesson's charts; the exercises' outputs are cleared in the students' copy.
    const images = [...html.matchAll(/<img [^>]*>/g)]
      .map(m => m[0])
      .filter(tag => tag.includes('data:image/png;base64,'));
    expect(images.length).toBe(4);
    const alts = images.map(tag => /alt='([^']*)'|alt="([^"]*)"/.exec(tag)).map(m => m && (m[1] ?? m[2]));
    expect(alts[1]).toBe(
      'Timing chart. Completed: 3 tasks, 6 s of virtual time, 8 steps. main returned undefined; failing raised Error: boom; slow returned "slow result".'
    );
    for (const alt of alts) expect(alt).toMatch(/^Timing chart\. Completed: /);
    expect(html).toContain('class="highlight hl-typescript"');
    // Pygments' TypeScript lexer: `function` is a declaration keyword, names are "nx" (JavaScript family).
    expect(html).toMatch(
      /<span class="k">async<\/span><span class="w"> <\/span><span class="kd">function<\/span><span class="w"> <\/span><span class="nx">task1<\/span>/
    );
    expect(html).not.toContain('No description has been provided');
    expect(html, 'offline: nothing from a CDN').not.toMatch(/<script[^>]+src="https?:/);
  });

  it('Markdown: chart images are files with their alt text', () => {
    const md = read('markdown', '03-gather.md');
    const images = [...md.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)];
    expect(images.length).toBe(4);
    for (const [, alt, file] of images) {
      expect(alt).toMatch(/^Timing chart\. Completed: /);
      expect(existsSync(join(out, 'markdown', decodeURIComponent(file)))).toBe(true);
    }
    expect(md).toContain('```typescript');
  });

  it("the students' copies: solutions replaced by the stub, hidden checks gone, exercise outputs cleared", () => {
    const html = read('html', '02-tasks.html');
    expect(html).toContain('YOUR CODE HERE');
    expect(html).not.toContain('createTask(download(');
    expect(html).not.toContain('expectOverlap');
    expect(html).not.toContain('✓ main took 3 s');
  });

  it('slides: one slide per section, reveal.js and require.js local, nothing from a CDN', () => {
    const slides = read('slides', '03-gather.slides.html');
    expect(slides).toContain('src="reveal.js/require.js"');
    expect(slides).toContain('"reveal.js/dist/reveal.js"');
    expect(slides).not.toMatch(/unpkg\.com|cdnjs|jsdelivr/);
    expect(existsSync(join(out, 'slides', 'reveal.js', 'dist', 'reveal.js'))).toBe(true);
    expect(existsSync(join(out, 'slides', 'reveal.js', 'require.js'))).toBe(true);
    expect([...slides.matchAll(/<section/g)].length).toBeGreaterThan(10);
  });

  it('PDF: one per notebook, and no code block wider than the page', () => {
    const pdfs = readdirSync(join(out, 'pdf')).filter(n => n.endsWith('.pdf'));
    expect(pdfs.length).toBe(readdirSync(join(ROOT, 'examples')).filter(n => n.endsWith('.ipynb')).length);
    for (const pdf of pdfs)
      expect(
        readFileSync(join(out, 'pdf', pdf))
          .subarray(0, 5)
          .toString()
      ).toBe('%PDF-');
    const layout = JSON.parse(read('pdf', 'layout.json'));
    expect(layout['03-gather.html'].codeBlocks).toBe(8);
    for (const report of Object.values(layout) as any[]) expect(report.overflowing).toEqual([]);
  });
});
