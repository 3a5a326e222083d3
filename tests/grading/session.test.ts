/**
 * The grading globals in a notebook session: a check cell reads the run of the cell before it
 * (lastRun), reports each passed check on stdout, fails with an AssertionError output, and does
 * not itself replace the run it checks, so several check cells can follow one exercise.
 */
import { describe, expect, it } from 'vitest';
import { errorOf, notebook, plain, streamText } from '../runtime/helpers';

const EXERCISE = `
async function download(name: string) { await sleep(3); return name; }
async function main() {
  const [a, b] = [createTask(download("a"), { name: "a" }), createTask(download("b"), { name: "b" })];
  print(await a, await b);
}
run(main());`;

describe('grading globals in a session', () => {
  it('a check cell passes on the previous run and prints one ✓ line per check', async () => {
    const nb = notebook();
    await nb.run(EXERCISE);
    const check = await nb.run(`expectRunTime(3);\nexpectOverlap("a", "b");\nexpectTask("a").finishedAt(3);`);
    expect(check.status).toBe('ok');
    expect(
      check.outputs.map(o => o.output_type),
      'no execute_result: nbgrader would read it as a grade'
    ).toEqual(['stream']);
    expect(streamText(check.outputs, 'stdout')).toBe(
      "✓ main took 3 s\n✓ 'a' and 'b' ran at the same time\n✓ task 'a' finished at 3 s\n"
    );
  });

  it('a failing check is an AssertionError output with the message; the next check cell still sees the exercise', async () => {
    const nb = notebook();
    await nb.run(EXERCISE);
    const failing = await nb.run('expectRunTime(6);');
    expect(failing.status).toBe('error');
    const error = errorOf(failing.outputs)!;
    expect(error.ename).toBe('AssertionError');
    expect(error.evalue).toBe('main took 3 s, expected 6 s: something finished early or never ran to the end.');
    expect(plain(error.traceback)).toContain('AssertionError');
    const again = await nb.run('expectPrinted(["a b"]); print(lastRun()!.cell);');
    expect(streamText(again.outputs, 'stdout')).toBe('✓ printed 1 line in the expected order\ncell[1]\n');
  });

  it('before any cell ran, a check says to run the exercise first; import from coroutine-cells works too', async () => {
    const nb = notebook();
    const first = await nb.run(`import { expectRunTime } from 'coroutine-cells';\nexpectRunTime(3);`);
    expect(errorOf(first.outputs)!.evalue).toBe(
      'no cell has run before this one: run the exercise cell first, then this check.'
    );
  });

  it('a cell that does not compile is a failed run for the check', async () => {
    const nb = notebook();
    await nb.run('async function main( {');
    const check = await nb.run('expectSuccess();');
    expect(errorOf(check.outputs)!.evalue).toMatch(/^cell\[1\] failed with SyntaxError: .*fix it and run it again\.$/);
  });
});
