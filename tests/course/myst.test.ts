/**
 * The MyST site of the course (`node scripts/course.mjs --only myst`), built with no network: in a
 * network namespace of its own where only loopback works (scripts/course-offline.py), so mystmd
 * cannot download a theme or anything else. Every lesson is a page; a chart is a PNG with the run's
 * summary as alt text (visible with no JavaScript: the pages have no script at all); code is
 * highlighted as TypeScript.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const PYTHON = join(ROOT, '.venv', 'bin', 'python');
/** Marks the environment of every process the build starts, to find any left running. */
const MARK = `COROUTINE_CELLS_TEST_MARK=myst-${process.pid}-${Date.now()}`;
let out = '';

/** The processes still running with this test's mark in their environment. */
function markedProcesses(): string[] {
  return readdirSync('/proc')
    .filter(pid => /^\d+$/.test(pid))
    .filter(pid => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(MARK);
      } catch {
        return false; // gone, or not ours to read
      }
    });
}

/** Runs a command with no network (loopback only); resolves with its output and exit code. */
function offline(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise(done => {
    execFile(
      'unshare',
      ['--net', '--map-root-user', PYTHON, join(ROOT, 'scripts', 'course-offline.py'), ...args],
      {
        cwd: ROOT,
        timeout: 300_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, [MARK.split('=')[0]]: MARK.split('=')[1] }
      },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr })
    );
  });
}

const read = (...parts: string[]) => readFileSync(join(out, 'myst', ...parts), 'utf8');

describe('npm run course: the MyST site, offline', () => {
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'coroutine-cells-myst-'));
    const { code, output } = await offline([process.execPath, 'scripts/course.mjs', '--only', 'myst', '--out', out]);
    if (code !== 0) throw new Error(`the MyST build failed offline:\n${output}`);
  }, 320_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('the offline wrapper really has no network (a request to the npm registry fails)', async () => {
    const probe = "fetch('https://registry.npmjs.org/').then(() => process.exit(0), () => process.exit(3))";
    const { code } = await offline([process.execPath, '-e', probe]);
    expect(code).toBe(3);
  });

  it('leaves no process running (the site server stops when mystmd is done)', async () => {
    const deadline = Date.now() + 10_000;
    while (markedProcesses().length > 0 && Date.now() < deadline) await new Promise(r => setTimeout(r, 250));
    expect(markedProcesses()).toEqual([]);
  });

  it('every notebook is a page, titled from its metadata, with a link to every other page', () => {
    const lessons = readdirSync(join(ROOT, 'examples')).filter(name => name.endsWith('.ipynb'));
    const site = JSON.parse(read('config.json'));
    expect(site.projects[0].pages.length + 1).toBe(lessons.length);
    const index = read('index.html');
    expect(index).toContain('<h1>Async concurrency with coroutine cells');
    for (const page of site.projects[0].pages) {
      expect(existsSync(join(out, 'myst', page.slug, 'index.html')), page.slug).toBe(true);
      expect(index).toContain(`href="${page.slug}/index.html"`);
    }
    expect(read('gather', 'index.html')).toContain('<h1>3. gather</h1>');
    expect(read('gather', 'index.html')).toContain('jupyterlab-coroutine-cells developers');
  });

  it('a lesson shows every chart as a PNG with the run summary as alt text, and no script', () => {
    const html = read('gather', 'index.html');
    const images = [...html.matchAll(/<img src="\.\.\/build\/([0-9a-f]+\.png)" alt="([^"]*)"/g)];
    // The lesson's charts; the exercises' outputs are cleared in the students' copy.
    expect(images.length).toBe(4);
    expect(images[1][2]).toBe(
      'Timing chart. Completed: 3 tasks, 6 s of virtual time, 8 steps. main returned undefined; failing raised ' +
        'Error: boom; slow returned &#x22;slow result&#x22;.'
    );
    for (const [, file, alt] of images) {
      expect(alt).toMatch(/^Timing chart\. Completed: /);
      const png = readFileSync(join(out, 'myst', 'build', file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
    expect(html).not.toMatch(/<script/i);
    expect(html, 'nothing from another site').not.toMatch(/(src|href)="https?:/);
  });

  it('code is highlighted as TypeScript', () => {
    const html = read('gather', 'index.html');
    expect(html).toContain('<code class="hljs language-typescript">');
    expect(html).toContain(
      '<span class="hljs-keyword">async</span> <span class="hljs-keyword">function</span> ' +
        '<span class="hljs-title function_">task1</span>'
    );
    expect(read('myst-theme.css')).toContain('.hljs-keyword');
  });

  it('an error output is shown as text, without terminal colour codes', () => {
    const html = read('deadlocks', 'index.html');
    expect(html).toContain('<pre class="error">');
    expect(html).toContain('DeadlockError: deadlock: every task is waiting');
    expect(html).not.toContain('\u001b[');
  });
});
