/**
 * The course in examples/: every lesson notebook is stored with its outputs, and a fresh run gives
 * exactly those outputs (virtual time makes this exact), so what a lesson claims is what its
 * code does. It also checks the claims the lessons make in their text.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNotebook } from '../../src/cli/check-notebook';
import { readNotebook } from '../../src/cli/notebook-file';

const EXAMPLES = resolve(__dirname, '../../examples');
const lessons = readdirSync(EXAMPLES).filter(name => name.endsWith('.ipynb')).sort();

function printed(notebook: Awaited<ReturnType<typeof readNotebook>>, codeCell: number): string {
  const cell = notebook.cells.filter(c => c.cell_type === 'code')[codeCell];
  return (cell.outputs as any[]).filter(o => o.output_type === 'stream').map(o => (Array.isArray(o.text) ? o.text.join('') : o.text)).join('');
}

describe('the course in examples/', () => {
  it('has the eight lessons of the course', () => {
    expect(lessons.length).toBe(8);
  });

  for (const name of lessons) {
    it(`${name} is stored with its outputs, and a fresh run gives exactly them`, async () => {
      const notebook = await readNotebook(join(EXAMPLES, name));
      expect(notebook.metadata['coroutine-cells']).toEqual({ default: true });
      const code = notebook.cells.filter(cell => cell.cell_type === 'code');
      expect(code.every(cell => (cell.outputs ?? []).length > 0), 'every code cell has stored outputs').toBe(true);
      const result = await checkNotebook(notebook, () => {});
      expect(result.mismatches).toEqual([]);
      expect(result.matched).toBe(code.length);
    });
  }

  it('lesson 3 shows that gather does NOT cancel the other children when one fails', async () => {
    const notebook = await readNotebook(join(EXAMPLES, '03-gather.ipynb'));
    const text = printed(notebook, 1);
    expect(text).toContain('main caught: Error: boom at 1 s');
    expect(text).toContain('slow: still running at 3 s');
  });

  it('lesson 4 shows that a TaskGroup DOES cancel the other children', async () => {
    const notebook = await readNotebook(join(EXAMPLES, '04-taskgroup.ipynb'));
    const text = printed(notebook, 1);
    expect(text).toMatch(/w1 got CancelledError at 1 s/);
    expect(text).not.toMatch(/w1 finished/);
    expect(text).toContain('unhandled errors in a TaskGroup (1 sub-exception)');
  });

  it('lessons 1 and 2: sequential awaits take the sum (4 s), tasks overlap (3 s)', async () => {
    expect(printed(await readNotebook(join(EXAMPLES, '01-coroutines-and-await.ipynb')), 1)).toContain('after 4 s');
    expect(printed(await readNotebook(join(EXAMPLES, '02-tasks.ipynb')), 0)).toContain('after 3 s');
  });

  it('the coroutine-cells check command agrees (end to end)', () => {
    const file = join(EXAMPLES, lessons[0]);
    const result = spawnSync(process.execPath, [resolve(__dirname, '../../bin/coroutine-cells.mjs'), 'check', file], { encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/2 cells match, 0 differ/);
    expect(result.status).toBe(0);
  });
});
