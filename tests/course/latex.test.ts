/**
 * The course's LaTeX PDF (`node scripts/course.mjs --only latex`: nbconvert --to pdf with the
 * course-latex template, xelatex from Debian's texlive): each lesson is titled from its metadata
 * with its authors, on A4, its charts are in it, and every line of code is on the page whole — read
 * back with pdftotext, which leaves out what falls off the page and shows a wrapped line as two.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
let out = '';

/** The text of a PDF, laid out as on the page. */
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const squash = (line: string) => line.replace(/\s+/g, ' ').trim();

describe('npm run course: the LaTeX PDF', () => {
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'coroutine-cells-latex-'));
    await new Promise<void>((done, fail) =>
      execFile(
        process.execPath,
        [join(ROOT, 'scripts', 'course.mjs'), '--only', 'latex', '--out', out],
        { cwd: ROOT, timeout: 590_000, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => (error ? fail(new Error(`LaTeX build failed:\n${stdout}${stderr}`)) : done())
      )
    );
  }, 600_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("a lesson's first page has its title and authors from the notebook's metadata, on A4", () => {
    const file = join(out, 'latex', '03-gather.pdf');
    const firstLines = pdfText(file).split('\n').slice(0, 4).map(squash);
    expect(firstLines[0]).toBe('3. gather');
    expect(firstLines[1]).toBe('jupyterlab-coroutine-cells developers');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
      /Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/
    );
  });

  it("the lesson's charts are images in the PDF", () => {
    const list = execFileSync('pdfimages', ['-list', join(out, 'latex', '03-gather.pdf')], { encoding: 'utf8' });
    // One line per image (type `image`; a PNG's alpha channel is a second line, type `smask`): the 4
    // charts of the students' copy.
    const images = list.split('\n').filter(line => line.trim().split(/\s+/)[2] === 'image');
    expect(images.length).toBe(4);
  });

  it('every line of code of every lesson is on one line of its PDF, whole', () => {
    const notebooks = readdirSync(join(out, 'notebooks')).filter(name => name.endsWith('.ipynb'));
    expect(notebooks.length).toBe(readdirSync(join(ROOT, 'examples')).filter(n => n.endsWith('.ipynb')).length);
    const cut: string[] = [];
    let lines = 0;
    for (const name of notebooks) {
      const text = pdfText(join(out, 'latex', name.replace(/\.ipynb$/, '.pdf')));
      const pdfLines = text.split('\n').map(squash).join('\n');
      const notebook = JSON.parse(readFileSync(join(out, 'notebooks', name), 'utf8'));
      for (const cell of notebook.cells) {
        if (cell.cell_type !== 'code') continue;
        const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
        for (const line of source.split('\n').map(squash)) {
          if (!line) continue;
          lines++;
          if (!pdfLines.includes(line)) cut.push(`${name}: ${line}`);
        }
      }
    }
    expect(lines).toBeGreaterThan(500);
    expect(cut, 'code lines cut or wrapped in the PDF').toEqual([]);
  });
});
