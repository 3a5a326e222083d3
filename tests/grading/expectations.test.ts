/**
 * The grading assertions on real runs of real cells (a CellSession, the virtual clock): each
 * expectation passes on the run it describes and fails, with a message a student can act on, on
 * the run that gets it wrong.
 */
import { describe, expect, it } from 'vitest';
import { AssertionError, expectRunOf } from './helpers';

const DOWNLOADS = `
async function download(name: string, d: number) { print(name, "start"); await sleep(d); print(name, "done"); return name; }`;

const CONCURRENT = `${DOWNLOADS}
async function main() {
  await gather(
    createTask(download("a", 3), { name: "a" }),
    createTask(download("b", 3), { name: "b" })
  );
}
run(main());`;

const SEQUENTIAL = `${DOWNLOADS}
async function main() {
  await download("a", 3);
  await download("b", 3);
}
run(main());`;

const SEQUENTIAL_TASKS = `${DOWNLOADS}
async function main() {
  await createTask(download("a", 3), { name: "a" });
  await createTask(download("b", 3), { name: "b" });
}
run(main());`;

describe('runTime', () => {
  it('passes when the run took the expected virtual time, and reports it', async () => {
    const { check, passed } = await expectRunOf(CONCURRENT);
    check.runTime(3);
    expect(passed).toEqual(['main took 3 s']);
  });

  it('says that nothing ran concurrently when the coroutines were awaited one after the other', async () => {
    const { check } = await expectRunOf(SEQUENTIAL);
    expect(() => check.runTime(3)).toThrow(AssertionError);
    expect(() => check.runTime(3)).toThrow(
      /^main took 6 s, expected 3 s: nothing ran concurrently — every await ran inside one task/
    );
  });

  it('says that the tasks ran one after the other, with their times', async () => {
    const { check } = await expectRunOf(SEQUENTIAL_TASKS);
    expect(() => check.runTime(3, 'Download both at once.')).toThrow(
      'main took 6 s, expected 3 s: the tasks ran one after the other (a 0 s–3 s, b 3 s–6 s) — start them all before awaiting any of them. Download both at once.'
    );
  });

  it('rejects a negative or non-numeric time with a TypeError naming the argument', async () => {
    const { check } = await expectRunOf(CONCURRENT);
    expect(() => check.runTime(-1)).toThrow(/runTime\(seconds\): seconds must be a number ≥ 0, got -1/);
    expect(() => check.runTime('3' as unknown as number)).toThrow(TypeError);
  });
});

describe('overlap and sequential', () => {
  it('overlap passes for concurrent tasks and fails for sequential ones with both spans', async () => {
    (await expectRunOf(CONCURRENT)).check.overlap('a', 'b');
    const { check } = await expectRunOf(SEQUENTIAL_TASKS);
    expect(() => check.overlap('a', 'b')).toThrow(
      /'a' \(0 s–3 s\) and 'b' \(3 s–6 s\) ran one after the other; they never overlapped/
    );
    check.sequential('a', 'b');
  });

  it('names the tasks that exist when a name has no task (awaited coroutines are not tasks)', async () => {
    const { check } = await expectRunOf(SEQUENTIAL);
    expect(() => check.overlap('a', 'b')).toThrow(
      /there is no task named 'a' in the run \(its tasks: cell\[1\], main\)\. A coroutine that is awaited directly/
    );
  });

  it('a name stands for its numbered copies in overlap (default names of one coroutine function)', async () => {
    const { check } = await expectRunOf(`${DOWNLOADS}
async function main() { await gather(download("a", 1), download("b", 2)); }
run(main());`);
    check.overlap('download');
    check.task('download').finishedAt(1);
    check.task('download-2').finishedAt(2);
    expect(() => check.overlap('download-2')).toThrow('overlap() needs at least two tasks, got 1 (download-2).');
  });

  it('sequential fails when the second task started before the first finished', async () => {
    const { check } = await expectRunOf(CONCURRENT);
    expect(() => check.sequential('a', 'b')).toThrow(
      "'b' started at 0 s, before 'a' finished at 3 s; expected it to wait for 'a'."
    );
  });
});

describe('task', () => {
  it('finishedAt, startedAt, returned', async () => {
    const { check, passed } = await expectRunOf(CONCURRENT);
    const a = check.task('a');
    a.startedAt(0);
    a.finishedAt(3);
    a.returned('"a"');
    expect(passed).toEqual(["task 'a' started at 0 s", "task 'a' finished at 3 s", 'task \'a\' returned "a"']);
    expect(() => check.task('b').finishedAt(1)).toThrow("task 'b' finished at 3 s, expected at 1 s.");
    expect(() => check.task('b').raised()).toThrow(
      'task \'b\' returned "b" at 3 s, expected it to raise an exception.'
    );
  });

  it('cancelledBy TaskGroup and by a task, raised', async () => {
    const { check } = await expectRunOf(`
async function worker() { await sleep(5); }
async function failing() { await sleep(1); throw new Error("disk full"); }
async function main() {
  try {
    await using tg = new TaskGroup();
    tg.createTask(worker(), { name: "w1" });
    tg.createTask(failing(), { name: "failing" });
  } catch {}
  const lone = createTask(worker(), { name: "lone" });
  await sleep(1);
  lone.cancel();
  await sleep(0);
}
run(main());`);
    check.task('w1').cancelledBy('TaskGroup');
    check.task('w1').finishedAt(1);
    check.task('failing').raised('disk full');
    check.task('lone').cancelledBy('main');
    expect(() => check.task('lone').cancelledBy('TaskGroup')).toThrow(
      "task 'lone' was cancelled, but not by TaskGroup: the cancellation came from task 'main' and it does not belong to a TaskGroup."
    );
    expect(() => check.task('failing').cancelled()).toThrow(
      "task 'failing' raised Error: disk full at 1 s, expected it to be cancelled."
    );
  });

  it('finishedAt says when a task never finished', async () => {
    const { check } = await expectRunOf(`
async function forever() { await new Event().wait(); }
async function main() { createTask(forever(), { name: "forever" }); await sleep(2); }
run(main());`);
    // Leftover tasks are cancelled when main returns: the task finished, cancelled, at 2 s.
    check.task('forever').cancelled();
    check.task('forever').finishedAt(2);
  });
});

describe('printed', () => {
  it('passes for lines in order (other lines may come between) and says what was printed otherwise', async () => {
    const { check } = await expectRunOf(CONCURRENT);
    check.printed(['a start', 'b start', 'a done']);
    expect(() => check.printed(['a done', 'b start'])).toThrow(
      /"b start" was printed before "a done"; expected it after\. The cell printed:\n {2}a start\n {2}b start/
    );
    expect(() => check.printed(['c start'])).toThrow(/"c start" was never printed/);
    expect(() => check.printed('a start' as unknown as string[])).toThrow(TypeError);
  });
});

describe('a failed or missing run', () => {
  it("every expectation fails first with the cell's own error (an untouched exercise stub)", async () => {
    const { check } = await expectRunOf(
      `async function main() {\n  // YOUR CODE HERE\n  throw new Error("not implemented");\n}\nrun(main());`
    );
    expect(() => check.runTime(3)).toThrow(
      'cell[1] failed with Error: not implemented, so its run cannot be checked: fix it and run it again.'
    );
    expect(() => check.task('a')).toThrow(/failed with Error: not implemented/);
    check.failedWith('not implemented');
  });

  it('failedWith fails on a run without an error', async () => {
    const { check } = await expectRunOf(CONCURRENT);
    expect(() => check.failedWith('DeadlockError')).toThrow(
      'cell[1] was expected to fail with DeadlockError, but it ran without an error.'
    );
  });
});
