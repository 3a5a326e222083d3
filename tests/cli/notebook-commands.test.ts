/**
 * The headless notebook path: execute a notebook's coroutine cells (outputs + chart PNG), check
 * a stored notebook against a fresh run, and export with real nbconvert to HTML where every chart
 * is a picture.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNotebook } from '../../src/cli/check-notebook';
import { executeNotebook } from '../../src/cli/execute-notebook';
import { readNotebook, writeNotebook, type StoredNotebook } from '../../src/cli/notebook-file';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'coroutine-cells-nb-'));
const warnings: string[] = [];
const warn = (text: string) => void warnings.push(text);

function notebook(cells: { source: string; coroutine?: boolean; markdown?: boolean }[]): StoredNotebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { 'coroutine-cells': { default: true }, language_info: { name: 'typescript' } },
    cells: cells.map((cell, i) =>
      cell.markdown
        ? { id: `m${i}`, cell_type: 'markdown', metadata: {}, source: cell.source }
        : {
            id: `c${i}`,
            cell_type: 'code',
            metadata: cell.coroutine === false ? { 'coroutine-cells': false } : { 'coroutine-cells': {} },
            source: cell.source,
            outputs: [],
            execution_count: null
          }
    )
  };
}

const LESSON = notebook([
  { source: '# Gather', markdown: true },
  { source: 'const delays = [3, 1];' },
  {
    source: `async function job(d: number) { print("job", d, "starts"); await sleep(d); return d * 10; }
async function main() { print(await gather(...delays.map(job))); }
run(main());`
  },
  { source: 'print(1 + 1)', coroutine: false }
]);

describe('executeNotebook', () => {
  it('runs coroutine cells in order in one session, stores outputs, a chart with its PNG, and counts', async () => {
    const {
      notebook: done,
      stoppedAt,
      skipped
    } = await executeNotebook(LESSON, { allowErrors: false, chartImages: true, warn });
    expect(stoppedAt).toBeNull();
    expect(skipped).toEqual([3]);
    const cell = done.cells[2];
    expect(cell.execution_count).toBe(2);
    const outputs = cell.outputs as any[];
    expect(outputs[0]).toEqual({
      output_type: 'stream',
      name: 'stdout',
      text: 'job 3 starts\njob 1 starts\n[ 30, 10 ]\n'
    });
    const chart = outputs[outputs.length - 1];
    expect(chart.data['application/vnd.vegalite.v5+json']).toBeTruthy();
    expect(Buffer.from(chart.data['image/png'], 'base64').subarray(1, 4).toString()).toBe('PNG');
    // The kernel cell is left exactly as it was.
    expect(done.cells[3]).toEqual(LESSON.cells[3]);
    // The input notebook is not modified.
    expect(LESSON.cells[2].outputs).toEqual([]);
  });

  it('stops at a failed cell unless errors are allowed', async () => {
    const failing = notebook([{ source: 'throw new Error("nope")' }, { source: 'print("after")' }]);
    const stopped = await executeNotebook(failing, { allowErrors: false, chartImages: false, warn });
    expect(stopped.stoppedAt).toBe(0);
    expect(stopped.notebook.cells[1].outputs).toEqual([]);
    const allowed = await executeNotebook(failing, { allowErrors: true, chartImages: false, warn });
    expect(allowed.stoppedAt).toBeNull();
    expect((allowed.notebook.cells[1].outputs as any[])[0].text).toBe('after\n');
  });
});

describe('checkNotebook', () => {
  it('finds a freshly executed notebook equal to a re-run, and names the cell and output that changed', async () => {
    const { notebook: done } = await executeNotebook(LESSON, { allowErrors: false, chartImages: true, warn });
    const same = await checkNotebook(done, warn);
    expect(same.mismatches).toEqual([]);
    expect(same.matched).toBe(2);

    const edited: StoredNotebook = JSON.parse(JSON.stringify(done));
    edited.cells[1].source = 'const delays = [2, 1];';
    const changed = await checkNotebook(edited, warn);
    expect(changed.mismatches.map(m => m.cell)).toEqual([2]);
    expect(changed.mismatches[0].differences.join('\n')).toMatch(/output 1 \(stream\) differs/);
  });
});

describe('nbconvert export', () => {
  it('exports an executed notebook to HTML with the chart as a picture and the TypeScript highlighted', async () => {
    const jupyter = join(ROOT, '.venv', 'bin', 'jupyter');
    expect(existsSync(jupyter), 'run `npm test` (it sets up .venv with nbconvert)').toBe(true);
    const { notebook: done } = await executeNotebook(LESSON, { allowErrors: false, chartImages: true, warn });
    const path = join(dir, 'lesson.ipynb');
    await writeNotebook(path, done);
    const result = spawnSync(jupyter, ['nbconvert', '--to', 'html', path, '--output-dir', dir], {
      encoding: 'utf8',
      timeout: 120_000
    });
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(join(dir, 'lesson.html'), 'utf8');
    // (Booleans, not toMatch: a failure message would print the whole page.)
    expect(/<img [^>]*src="data:image\/png;base64,/.test(html), 'the chart is an <img> PNG').toBe(true);
    expect(html.includes('job 3 starts'), 'the printed text is there').toBe(true);
    expect(html.includes('hl-typescript'), 'the code is highlighted as TypeScript').toBe(true);
    expect(/<span class="kd">const<\/span>/.test(html), 'keywords are marked up').toBe(true);
    // Reading it back gives the same notebook.
    expect((await readNotebook(path)).cells[2].outputs).toEqual(done.cells[2].outputs);
  });
});

describe('coroutine-cells execute / check (end to end)', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'bin', 'coroutine-cells.mjs'), ...args], {
      encoding: 'utf8',
      timeout: 60_000
    });

  it('executes into a new file, then check finds it equal; a changed output makes check fail with exit 1', async () => {
    const input = join(dir, 'in.ipynb');
    const output = join(dir, 'out.ipynb');
    await writeNotebook(input, LESSON);
    const executed = cli(['execute', input, '-o', output]);
    expect(executed.status, executed.stderr).toBe(0);
    expect(executed.stdout).toContain('2 of 3 code cells executed (1 kernel cells left as they were)');
    expect(cli(['check', output]).status).toBe(0);
    const tampered = await readNotebook(output);
    (tampered.cells[2].outputs as any[])[0].text = 'job 3 starts\n';
    await writeNotebook(output, tampered);
    const checked = cli(['check', output]);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain('cell 3: outputs differ from a fresh run');
  });

  it('refuses to overwrite by surprise, and says what a bad file is', async () => {
    const input = join(dir, 'in2.ipynb');
    await writeNotebook(input, LESSON);
    const noTarget = cli(['execute', input]);
    expect(noTarget.status).toBe(2);
    expect(noTarget.stderr).toContain('execute needs -o OUT.ipynb or --inplace');
    writeFileSync(join(dir, 'broken.ipynb'), '{"cells": ');
    const broken = cli(['check', join(dir, 'broken.ipynb')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken.ipynb is not a notebook: its JSON does not parse/);
  });
});
