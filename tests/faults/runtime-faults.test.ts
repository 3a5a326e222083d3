/**
 * Runtime-level faults (shared by the browser worker and the CLI): finding 1's async recursion
 * (RecursionError with an elided traceback), finding 3's end-of-run reports (summarised and
 * bounded by the output limiter), finding 4's real clock (no outside-wait limit; no timer left).
 */
import { describe, expect, it } from 'vitest';
import { OUTPUT_HEAD_CHARS, OUTPUT_TAIL_CHARS } from '../../src/runtime/output-limiter';
import { errorOf, NO_CHART, notebook, plain, streamText } from '../runtime/helpers';

const outputChars = (outputs: { output_type: string; text?: string }[]) =>
  outputs.reduce((n, o) => n + (o.text?.length ?? 0), 0);

describe('finding 1: an async recursion with no base case', () => {
  it('raises RecursionError at about 1,000 nested awaits, with the repeated frames elided; the next cell runs', async () => {
    const nb = notebook();
    const result = await nb.run(
      'async function countdown(n: number): Promise<void> { await countdown(n - 1); }\nawait countdown(10);'
    );
    expect(result.status).toBe('error');
    const error = errorOf(result.outputs)!;
    expect(error.ename).toBe('RecursionError');
    expect(error.evalue).toContain('maximum recursion depth exceeded');
    const text = plain(error.traceback);
    expect(text).toMatch(/\[Previous line repeated 99\d more times\]/);
    // Three frames of countdown are shown, not a thousand.
    expect(text.match(/in countdown/g)).toHaveLength(3);
    const next = await nb.run('print("alive", typeof countdown)');
    expect(streamText(next.outputs, 'stdout')).toBe('alive function\n');
  }, 30_000);

  it('a recursion with a base case deeper than ordinary code needs still works (500 levels)', async () => {
    const nb = notebook();
    const result = await nb.run(
      'async function depth(n: number): Promise<number> { return n === 0 ? 0 : 1 + await depth(n - 1); }\nprint(await depth(500));'
    );
    expect(result.status).toBe('ok');
    expect(streamText(result.outputs, 'stdout')).toBe('500\n');
  });
});

describe('finding 3: end-of-run reports are summarised and bounded', () => {
  it("300,000 never-awaited coroutines give one line: coroutine 'w' was never awaited (300,000×)", async () => {
    const nb = notebook();
    const result = await nb.run('async function w() {}\nfor (let i = 0; i < 300_000; i++) w();\nprint("done");');
    const stderr = streamText(result.outputs, 'stderr');
    expect(stderr).toBe("RuntimeWarning: coroutine 'w' was never awaited (300,000×)\n");
    expect(streamText(result.outputs, 'stdout')).toBe('done\n');
  }, 60_000);

  it('50,000 leftover tasks cancelled: one summary line with the first and last names, output bounded', async () => {
    const nb = notebook();
    const result = await nb.run(
      'async function w() { await sleep(100); }\nfor (let i = 0; i < 50_000; i++) createTask(w());\nawait sleep(1);'
    );
    const stderr = streamText(result.outputs, 'stderr');
    expect(stderr).toContain(
      "Task 'w' was still pending when the run finished; it was cancelled (50,000×, first 'w', last 'w-50000')"
    );
    expect(stderr.split('\n').length).toBeLessThan(5);
    expect(outputChars(result.outputs)).toBeLessThan(OUTPUT_HEAD_CHARS + OUTPUT_TAIL_CHARS + 1_000);
  }, 60_000);

  it('end-of-run reports go through the output limiter: after a long output they are in the kept tail', async () => {
    const nb = notebook();
    // Distinct error messages cannot be summarised: the limiter must still bound them.
    const result = await nb.run(
      'async function f(i: number) { throw new Error("e" + i); }\nfor (let i = 0; i < 20_000; i++) createTask(f(i));\nawait sleep(1);'
    );
    const stderr = streamText(result.outputs, 'stderr');
    expect(stderr).toContain('output elided');
    expect(stderr).toContain("Task exception was never retrieved: task 'f-20000' raised Error: e19999");
    expect(outputChars(result.outputs)).toBeLessThan(OUTPUT_HEAD_CHARS + OUTPUT_TAIL_CHARS + 1_000);
  }, 60_000);
});

describe('finding 4: the real clock has no outside-wait limit, and no limit timer outlives a run', () => {
  it('on the real clock an outside wait longer than the limit just waits', async () => {
    // The helper's session has a 300 ms limit (10 s in the product).
    const nb = notebook({ ...NO_CHART, clock: 'real' });
    const result = await nb.run('await new Promise(r => setTimeout(r, 700));\nprint("waited");');
    expect(errorOf(result.outputs)).toBeUndefined();
    expect(streamText(result.outputs, 'stdout')).toBe('waited\n');
  });

  it('on the virtual clock the limit still applies', async () => {
    const nb = notebook();
    const result = await nb.run('await new Promise(r => setTimeout(r, 700));');
    expect(errorOf(result.outputs)?.ename).toBe('OutsideWaitError');
  });

  it('an outside wait abandoned by a cancelled task leaves no timer behind (so a process exits at once)', async () => {
    const nb = notebook();
    const timers = () => process.getActiveResourcesInfo().filter(r => r === 'Timeout').length;
    await nb.run('print(1)'); // warm
    const before = timers();
    const result = await nb.run(
      'const t = createTask((async () => { await new Promise(() => {}); })());\nawait sleep(0);\nt.cancel();\nawait sleep(0);\nprint(t.cancelled());'
    );
    expect(streamText(result.outputs, 'stdout')).toBe('true\n');
    expect(timers()).toBe(before);
  });
});
