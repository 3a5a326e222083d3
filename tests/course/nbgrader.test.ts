/**
 * nbgrader end to end on the course's assignment (examples/nbgrader, lesson 2's first exercise),
 * with the real nbgrader of the project's .venv, in a copy of the course directory:
 * generate_assignment puts the TypeScript stub in and takes the hidden checks out; autograde
 * runs the coroutine cells and grades three submissions — correct: full marks, sequential: zero
 * with the check's message in the feedback, untouched stub: zero; and a correct submission whose
 * cells could not run at all scores zero, not full marks (no output never counts as a pass). The
 * same with `--CoroutineCellsExecute.engine=kernel` (nbgrader's own Execute, in the project's kernel).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const VENV_BIN = join(ROOT, '.venv', 'bin');
const ASSIGNMENT = 'concurrent-downloads';
const NOTEBOOK = `${ASSIGNMENT}.ipynb`;
const STUB = '  // YOUR CODE HERE\n  throw new Error("not implemented");';

let course = '';

/** Runs nbgrader in the course copy (asynchronously: a long synchronous wait stalls vitest's worker). */
function nbgrader(args: string[], env: Record<string, string> = {}): Promise<string> {
  const options = {
    cwd: course,
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      PATH: `${VENV_BIN}${delimiter}${process.env.PATH}`,
      COROUTINE_CELLS_BIN: join(ROOT, 'bin', 'coroutine-cells.mjs'),
      ...env
    }
  };
  return new Promise((done, fail) => {
    execFile(join(VENV_BIN, 'nbgrader'), args, options, (error, stdout, stderr) => {
      if (error) fail(new Error(`nbgrader ${args.join(' ')} failed (${error.code}):\n${stdout}${stderr}`));
      else done(`${stdout}${stderr}`);
    });
  });
}

function readJson(path: string): any {
  return JSON.parse(readFileSync(join(course, path), 'utf8'));
}

const source = (cell: any): string => (Array.isArray(cell.source) ? cell.source.join('') : cell.source);

/** Writes the released notebook, with the stub replaced by `code` (or untouched), as a submission. */
function submit(student: string, code: string | null): void {
  const notebook = readJson(join('release', ASSIGNMENT, NOTEBOOK));
  if (code !== null) {
    const cell = notebook.cells.find((c: any) => source(c).includes(STUB));
    cell.source = source(cell).replace(STUB, code);
  }
  const dir = join(course, 'submitted', student, ASSIGNMENT);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, NOTEBOOK), JSON.stringify(notebook, null, 1));
}

async function scores(): Promise<Map<string, string>> {
  await nbgrader(['export']);
  const [header, ...rows] = readFileSync(join(course, 'grades.csv'), 'utf8')
    .trim()
    .split('\n')
    .map(l => l.split(','));
  const at = (name: string) => header.indexOf(name);
  return new Map(rows.map(r => [r[at('student_id')], `${r[at('score')]}/${r[at('max_score')]}`]));
}

function feedbackText(student: string): string {
  const html = readFileSync(join(course, 'feedback', student, ASSIGNMENT, NOTEBOOK.replace('.ipynb', '.html')), 'utf8');
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}

describe('nbgrader grades coroutine exercises', () => {
  beforeAll(() => {
    course = mkdtempSync(join(tmpdir(), 'coroutine-cells-nbgrader-'));
    cpSync(join(ROOT, 'examples', 'nbgrader'), course, { recursive: true });
    rmSync(join(course, '__pycache__'), { recursive: true, force: true });
  });
  afterAll(() => {
    if (course) rmSync(course, { recursive: true, force: true });
  });

  it('generate_assignment: TypeScript stub in the solution, hidden checks removed', async () => {
    await nbgrader(['generate_assignment', ASSIGNMENT, '--force']);
    const released = readJson(join('release', ASSIGNMENT, NOTEBOOK));
    const all = released.cells.map(source).join('\n');
    expect(all).toContain(STUB);
    expect(all).not.toContain('createTask(download("a"))');
    expect(all).not.toContain('NotImplementedError');
    expect(all).not.toContain('expectOverlap');
    expect(all).toContain('expectRunTime(3);');
    expect(released.metadata.kernelspec.language).toBe('typescript');
  }, 120_000);

  it('autograde + generate_feedback: correct 2/2, sequential 0/2 with the message, untouched 0/2', async () => {
    submit(
      'correct',
      '  const a = createTask(download("a"));\n  const b = createTask(download("b"));\n  print(await a, await b);'
    );
    submit('sequential', '  const a = await download("a");\n  const b = await download("b");\n  print(a, b);');
    submit('untouched', null);
    await nbgrader(['autograde', ASSIGNMENT, '--create', '--force']);
    await nbgrader(['generate_feedback', ASSIGNMENT, '--force']);
    const got = await scores();
    expect(Object.fromEntries(got)).toEqual({ correct: '2.0/2.0', sequential: '0.0/2.0', untouched: '0.0/2.0' });
    expect(feedbackText('correct')).toContain("✓ 'download' and 'download-2' ran at the same time");
    expect(feedbackText('sequential')).toContain(
      'AssertionError: main took 6 s, expected 3 s: nothing ran concurrently — every await ran inside one task, one after the other.'
    );
    expect(feedbackText('untouched')).toContain('failed with Error: not implemented, so its run cannot be checked');
  }, 300_000);

  it('a correct submission whose cells could not run scores zero (no output is not a pass)', async () => {
    submit(
      'runner-missing',
      '  const a = createTask(download("a"));\n  const b = createTask(download("b"));\n  print(await a, await b);'
    );
    await nbgrader(['autograde', ASSIGNMENT, '--student', 'runner-missing', '--create', '--force'], {
      COROUTINE_CELLS_BIN: join(course, 'no-such-runner.mjs')
    });
    expect((await scores()).get('runner-missing')).toBe('0.0/2.0');
    const graded = readJson(join('autograded', 'runner-missing', ASSIGNMENT, NOTEBOOK));
    const check = graded.cells.find((c: any) => c.metadata?.nbgrader?.grade_id === '02-ex1-test');
    expect(check.outputs[0].ename).toBe('NoTestOutput');
    expect(check.outputs[0].evalue).toMatch(
      /^this test cell does not count as passed: the coroutine-cells runner failed/
    );
  }, 180_000);

  it("engine=kernel: nbgrader's own Execute in the coroutine-cells kernel grades the same", async () => {
    // The runner is made unreachable, so these scores can only come from the kernel.
    const noRunner = { COROUTINE_CELLS_BIN: join(course, 'no-such-runner.mjs') };
    for (const student of ['correct', 'sequential', 'untouched']) {
      await nbgrader(
        ['autograde', ASSIGNMENT, '--student', student, '--force', '--CoroutineCellsExecute.engine=kernel'],
        noRunner
      );
    }
    const got = await scores();
    expect([got.get('correct'), got.get('sequential'), got.get('untouched')]).toEqual([
      '2.0/2.0',
      '0.0/2.0',
      '0.0/2.0'
    ]);
    const graded = readJson(join('autograded', 'sequential', ASSIGNMENT, NOTEBOOK));
    const check = graded.cells.find((c: any) => c.metadata?.nbgrader?.grade_id === '02-ex1-test');
    expect(check.outputs[0].ename).toBe('AssertionError');
    expect(check.outputs[0].evalue).toMatch(/^main took 6 s, expected 3 s: nothing ran concurrently/);
  }, 240_000);

  it('engine=kernel: a correct submission whose kernel cannot start scores zero', async () => {
    submit(
      'kernel-missing',
      '  const a = createTask(download("a"));\n  const b = createTask(download("b"));\n  print(await a, await b);'
    );
    await nbgrader([
      'autograde',
      ASSIGNMENT,
      '--student',
      'kernel-missing',
      '--create',
      '--force',
      '--CoroutineCellsExecute.engine=kernel',
      '--CoroutineCellsExecute.kernel_name=no-such-kernel'
    ]);
    expect((await scores()).get('kernel-missing')).toBe('0.0/2.0');
    const graded = readJson(join('autograded', 'kernel-missing', ASSIGNMENT, NOTEBOOK));
    const check = graded.cells.find((c: any) => c.metadata?.nbgrader?.grade_id === '02-ex1-test');
    expect(check.outputs[0].ename).toBe('NoTestOutput');
    expect(check.outputs[0].evalue).toMatch(
      /^this test cell does not count as passed: the notebook's kernel did not run it/
    );
  }, 180_000);

  it("the assignment is lesson 2's first exercise, cell for cell", () => {
    const lesson = JSON.parse(readFileSync(join(ROOT, 'examples', '02-tasks.ipynb'), 'utf8'));
    const assignment = JSON.parse(
      readFileSync(join(ROOT, 'examples', 'nbgrader', 'source', ASSIGNMENT, NOTEBOOK), 'utf8')
    );
    const ids = (nb: any) =>
      nb.cells.filter((c: any) => c.metadata.nbgrader).map((c: any) => [c.metadata.nbgrader.grade_id, source(c)]);
    expect(ids(assignment)).toEqual(ids(lesson).filter(([id]: string[]) => id.startsWith('02-ex1-')));
    expect(existsSync(join(ROOT, 'examples', 'nbgrader', 'nbgrader_config.py'))).toBe(true);
  });
});
