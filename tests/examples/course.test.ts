/**
 * The course in examples/: every lesson notebook is stored with its outputs, and a fresh run gives
 * exactly those outputs (virtual time makes this exact), so what a lesson claims is what its
 * code does. It also checks the claims the lessons make in their text, the metadata every
 * publishing tool reads, and that every exercise is gradable (solution cell, check cell, and a
 * stored check that passes).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNotebook } from '../../src/cli/check-notebook';
import { readNotebook } from '../../src/cli/notebook-file';

const EXAMPLES = resolve(__dirname, '../../examples');
const lessons = readdirSync(EXAMPLES).filter(name => name.endsWith('.ipynb')).sort();
type Notebook = Awaited<ReturnType<typeof readNotebook>>;
type Cell = Notebook['cells'][number];

const text = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join('') : value ?? '');

function codeCells(notebook: Notebook): Cell[] {
  return notebook.cells.filter(c => c.cell_type === 'code');
}

function printed(notebook: Notebook, codeCell: number): string {
  const cell = codeCells(notebook)[codeCell];
  return (cell.outputs as any[]).filter(o => o.output_type === 'stream' && o.name === 'stdout').map(o => text(o.text)).join('');
}

const load = (name: string) => readNotebook(join(EXAMPLES, name));

describe('the course in examples/', () => {
  it('has an index and the lessons in order (1-8, then the later lessons)', () => {
    expect(lessons[0]).toBe('00-index.ipynb');
    for (const name of ['01-coroutines-and-await', '03-gather', '08-comparison', '10-events-conditions-barriers',
      '11-as-completed-and-wait', '12-deadlocks', '13-reading-tracebacks', '14-real-and-virtual-clock']) {
      expect(lessons).toContain(`${name}.ipynb`);
    }
    expect(lessons.length).toBeGreaterThanOrEqual(14);
  });

  it('the index links every lesson', async () => {
    const index = (await load('00-index.ipynb')).cells.map(c => text(c.source)).join('\n');
    for (const name of lessons.slice(1)) expect(index, name).toContain(`](${name})`);
  });

  for (const name of lessons) {
    it(`${name} is stored with its outputs, and a fresh run gives exactly them`, async () => {
      const notebook = await load(name);
      expect(notebook.metadata['coroutine-cells']).toEqual({ default: true });
      const code = codeCells(notebook);
      expect(code.every(cell => (cell.outputs ?? []).length > 0), 'every code cell has stored outputs').toBe(true);
      const result = await checkNotebook(notebook, () => {});
      expect(result.mismatches).toEqual([]);
      expect(result.matched + result.notCompared.length).toBe(code.length);
    });

    it(`${name} has the metadata every tool reads (kernelspec, language, title, authors, slides)`, async () => {
      const notebook = await load(name);
      const meta = notebook.metadata as any;
      expect(meta.kernelspec).toEqual({ name: 'coroutine-cells', display_name: 'TypeScript (coroutine cells)', language: 'typescript' });
      expect(meta.language_info.name).toBe('typescript');
      expect(typeof meta.title).toBe('string');
      expect(meta.authors.length).toBeGreaterThan(0);
      for (const cell of notebook.cells) {
        expect(['slide', 'subslide', 'fragment', '-', 'skip', 'notes']).toContain((cell.metadata as any).slideshow?.slide_type);
      }
      expect((notebook.cells[0].metadata as any).slideshow.slide_type).toBe('slide');
    });

    it(`${name}: code lines fit in 88 columns; no file of the lecture notes is cited`, async () => {
      const notebook = await load(name);
      for (const cell of codeCells(notebook)) {
        for (const line of text(cell.source).split('\n')) expect(line.length, line).toBeLessThanOrEqual(88);
      }
      const raw = readFileSync(join(EXAMPLES, name), 'utf8');
      expect(raw).not.toMatch(/\d_asyncio\.py|lecture notes/);
    });

    it(`${name}: every chart image has alt text that sums up the run`, async () => {
      const notebook = await load(name);
      for (const cell of codeCells(notebook)) {
        for (const output of cell.outputs as any[]) {
          if (output.data?.['image/png']) expect(output.metadata['image/png'].alt).toMatch(/^Timing chart\. (Completed|Failed|Deadlock): /);
        }
      }
    });
  }

  for (const name of lessons.filter(n => /^(0[1-8]|1\d)-/.test(n))) {
    it(`${name} is a lesson: objectives, predict-then-run questions, 2-3 gradable exercises, a recap`, async () => {
      const notebook = await load(name);
      const markdown = notebook.cells.filter(c => c.cell_type === 'markdown').map(c => text(c.source)).join('\n');
      expect(markdown).toMatch(/\*\*You will learn to\*\*/);
      expect(markdown).toMatch(/## Recap/);
      if (!name.startsWith('08')) expect(markdown).toMatch(/\*\*Predict, then run\.\*\*/);
      const graded = notebook.cells.filter(c => (c.metadata as any).nbgrader?.grade === true);
      const solutions = notebook.cells.filter(c => (c.metadata as any).nbgrader?.solution === true);
      expect(solutions.length).toBeGreaterThanOrEqual(1);
      expect(solutions.length).toBeLessThanOrEqual(3);
      expect(graded.length).toBe(solutions.length);
      for (const solution of solutions) expect(text(solution.source)).toMatch(/\/\/ BEGIN SOLUTION[\s\S]*\/\/ END SOLUTION/);
      for (const check of graded) {
        const outputs = check.outputs as any[];
        expect(outputs.some(o => o.output_type === 'error'), `${(check.metadata as any).nbgrader.grade_id} passes on the solution`).toBe(false);
        expect(outputs.map(o => text(o.text)).join('')).toMatch(/^✓ /);
      }
    });
  }

  it('lesson 1 says that a plain JavaScript async function starts at once; its coroutine does not', async () => {
    const notebook = await load('01-coroutines-and-await.ipynb');
    expect(notebook.cells.map(c => text(c.source)).join('\n')).toMatch(/plain JavaScript and TypeScript an `async function` \*\*starts at once\*\*/);
    expect(printed(notebook, 0)).toMatch(/^called greet\(\), got: <coroutine object greet>\nhello, Ada/);
  });

  it('lesson 2 mentions 3.12 eager tasks, and shows createTask does not start the body', async () => {
    const notebook = await load('02-tasks.ipynb');
    expect(notebook.cells.map(c => text(c.source)).join('\n')).toContain('eager_task_factory');
    expect(printed(notebook, 0)).toMatch(/both tasks created; nothing has run yet\nTask 1: Start/);
  });

  it('lesson 3 shows that gather does NOT cancel the other children when one fails', async () => {
    const text3 = printed(await load('03-gather.ipynb'), 1);
    expect(text3).toContain('main caught: Error: boom at 1 s');
    expect(text3).toContain('slow: still running at 3 s');
  });

  it('lesson 4 shows that a TaskGroup DOES cancel the other children', async () => {
    const text4 = printed(await load('04-taskgroup.ipynb'), 1);
    expect(text4).toMatch(/w1 got CancelledError at 1 s/);
    expect(text4).not.toMatch(/w1 finished/);
    expect(text4).toContain('unhandled errors in a TaskGroup (1 sub-exception)');
  });

  it('lessons 1 and 2: sequential awaits take the sum (4 s), tasks overlap (3 s)', async () => {
    expect(printed(await load('01-coroutines-and-await.ipynb'), 2)).toContain('after 4 s');
    expect(printed(await load('02-tasks.ipynb'), 0)).toContain('after 3 s');
  });

  it('lesson 6 shows the race (final balance 50), then the lock fixing it (20)', async () => {
    const notebook = await load('06-synchronisation.ipynb');
    expect(printed(notebook, 0)).toContain('final balance 50 (should be 20)');
    expect(printed(notebook, 1)).toContain('final balance 20');
  });

  it('lesson 7: the last three ticks are each 1.25 s late, as its text says', async () => {
    const notebook = await load('07-blocking-the-loop.ipynb');
    const ticks = [...printed(notebook, 0).matchAll(/tick at ([\d.]+) s/g)].map(m => Number(m[1]));
    expect(ticks).toEqual([0, 1.75, 2.25, 2.75]);
    expect(ticks.slice(1).map((t, i) => t - 0.5 * (i + 1))).toEqual([1.25, 1.25, 1.25]);
    expect(notebook.cells.map(c => text(c.source)).join('\n')).toContain('last three\nticks are each 1.25 s late');
  });

  it('lesson 8 shows four charts, one per pattern', async () => {
    const notebook = await load('08-comparison.ipynb');
    const charts = codeCells(notebook).slice(0, 4).flatMap(c => (c.outputs as any[]).filter(o => o.metadata?.['coroutine-cells']?.chart));
    expect(charts.length).toBe(4);
  });

  it('lesson 12 shows the deadlock report naming each waiting task', async () => {
    const cell = codeCells(await load('12-deadlocks.ipynb'))[0];
    const error = (cell.outputs as any[]).find(o => o.output_type === 'error');
    expect(error.ename).toBe('DeadlockError');
    expect(error.evalue).toMatch(/task 'diner' waits on Lock#1\n {2}task 'diner-2' waits on Lock#2/);
  });

  it('the coroutine-cells check command agrees (end to end)', () => {
    const file = join(EXAMPLES, '02-tasks.ipynb');
    const result = spawnSync(process.execPath, [resolve(__dirname, '../../bin/coroutine-cells.mjs'), 'check', file], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/6 cells match, 0 differ/);
    expect(result.status).toBe(0);
  });
});
