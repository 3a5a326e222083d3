import { describe, expect, it } from 'vitest';
import { errorOf, notebook, plain, streamText } from './helpers';

describe('error outputs', () => {
  it('an error in a nested task points at its own line and column, with the source line', async () => {
    const nb = notebook();
    const result = await nb.run(`async function inner() {
  await sleep(1);
  throw new RangeError("too far");
}
async function outer() { await createTask(inner()); }
await run(outer());`);
    expect(result.status).toBe('error');
    const error = errorOf(result.outputs)!;
    expect(error.ename).toBe('RangeError');
    expect(error.evalue).toBe('too far');
    const text = plain(error.traceback);
    expect(text).toContain('Cell cell[1], line 3, column 9, in inner');
    expect(text).toContain('---->  3   throw new RangeError("too far");'.replace('---->  3', '----> 3'));
    expect(text.split('\n').at(-1)).toBe('RangeError: too far');
    // Like Python: every await the exception passed through, outermost first.
    const cell = text.indexOf('Cell cell[1], line 6, column 1\n');
    const outer = text.indexOf('Cell cell[1], line 5, column 26, in outer');
    const inner = text.indexOf('Cell cell[1], line 3, column 9, in inner');
    expect(cell).toBeGreaterThan(0);
    expect(outer).toBeGreaterThan(cell);
    expect(inner).toBeGreaterThan(outer);
  });

  it('a function from an earlier cell is reported with that cell label', async () => {
    const nb = notebook();
    await nb.run('// helpers\nfunction check(v: number) {\n  if (v < 0) throw new Error(`negative: ${v}`);\n}');
    const result = await nb.run('check(1);\ncheck(-2);');
    const text = plain(errorOf(result.outputs)!.traceback);
    expect(text).toContain('Cell cell[2], line 2, column 1');
    expect(text).toContain('Cell cell[1], line 3, column 20, in check');
    expect(text.indexOf('cell[2]')).toBeLessThan(text.indexOf('cell[1]'));
  });

  it('a syntax error is reported with line and column before anything runs', async () => {
    const nb = notebook();
    const result = await nb.run('print("before");\nconst x = ;\n');
    expect(streamText(result.outputs, 'stdout')).toBe('');
    const error = errorOf(result.outputs)!;
    expect(error.ename).toBe('SyntaxError');
    expect(error.evalue).toBe('Expression expected. (line 2, column 11)');
    expect(plain(error.traceback)).toContain('----> 2 const x = ;');
    expect(result.trace.events).toEqual([]);
  });

  it('await in a function that is not async, and export default, are reported before running', async () => {
    const nb = notebook();
    const result = await nb.run('function f() {\n  await sleep(1);\n}\nexport default function () {}');
    const error = errorOf(result.outputs)!;
    expect(error.ename).toBe('SyntaxError');
    expect(error.evalue).toBe(
      "'await' is only allowed in async functions and at the top level of the cell: add 'async' to the enclosing function (line 2, column 3)"
    );
    expect(plain(error.traceback)).toContain("SyntaxError: 'export default' is not supported");
  });

  it('a thrown non-Error value and a rejection with undefined are clear errors', async () => {
    const nb = notebook();
    const thrown = await nb.run('throw 42;');
    expect(errorOf(thrown.outputs)).toMatchObject({ ename: 'NonErrorThrown' });
    expect(errorOf(thrown.outputs)!.evalue).toMatch(/^42 \(the cell threw or rejected with a number, not an Error/);
    const rejected = await nb.run('await Promise.reject(undefined);');
    expect(errorOf(rejected.outputs)!.evalue).toMatch(/^undefined \(the cell threw or rejected with undefined/);
    const still = await nb.run('print("still works");');
    expect(streamText(still.outputs, 'stdout')).toBe('still works\n');
  });

  it('an import of another module is an error naming it; the notebook keeps working', async () => {
    const nb = notebook();
    const result = await nb.run("import { sleep } from 'coroutine-cells';\nimport fs from 'node:fs';\nprint('ran');");
    const error = errorOf(result.outputs)!;
    expect(error.ename).toBe('ImportError');
    expect(error.evalue).toContain("Cannot find module 'node:fs'");
    expect(error.evalue).toContain('(line 2, column 16)');
    expect(streamText(result.outputs, 'stdout')).toBe('');
    const unknown = await nb.run("import { sleepy } from 'coroutine-cells';");
    expect(errorOf(unknown.outputs)!.evalue).toContain("'coroutine-cells' has no export named 'sleepy'");
    const ok = await nb.run("import * as cc from 'coroutine-cells';\nawait cc.sleep(2);\nprint(cc.now());");
    expect(streamText(ok.outputs, 'stdout')).toBe('2\n');
  });

  it('an ExceptionGroup lists its sub-exceptions', async () => {
    const nb = notebook();
    const result = await nb.run(`const a = new Error("first");
throw new ExceptionGroup("several", [a, new TypeError("second")]);`);
    const text = plain(errorOf(result.outputs)!.traceback);
    expect(text).toContain('ExceptionGroup: several (2 sub-exceptions)');
    expect(text).toMatch(/\+-+ 1 -+\n\| Cell cell\[1\], line 1, column 11[\s\S]*\| Error: first\n\+-+ 2 -+/);
    expect(text).toContain('| TypeError: second');
  });

  it('an error with a cause shows the cause first, as Python shows __cause__', async () => {
    const nb = notebook();
    const result = await nb.run(
      'try {\n  JSON.parse("{");\n} catch (e) {\n  throw new Error("bad config", { cause: e });\n}'
    );
    const text = plain(errorOf(result.outputs)!.traceback);
    const causeAt = text.indexOf('SyntaxError:');
    const linkAt = text.indexOf('The above exception was the direct cause of the following exception:');
    const errorAt = text.lastIndexOf('Error: bad config');
    expect(causeAt).toBeGreaterThan(0);
    expect(linkAt).toBeGreaterThan(causeAt);
    expect(errorAt).toBeGreaterThan(linkAt);
    expect(text).toContain('Cell cell[1], line 2, column 8');
    expect(text).toContain('Cell cell[1], line 4, column 9');
  });

  it('an error without a message ends with its bare name, as Python prints it', async () => {
    const nb = notebook();
    const result = await nb.run('await using t = timeout(1);\nawait sleep(2);');
    const error = errorOf(result.outputs)!;
    expect(error.ename).toBe('TimeoutError');
    const lines = plain(error.traceback).split('\n');
    expect(lines.at(-1)).toBe('TimeoutError');
    expect(lines).toContain('CancelledError');
    // The cancellation arrived at `await sleep(2)`; the TimeoutError at the `await using` line.
    const text = lines.join('\n');
    expect(text).toMatch(
      /Cell cell\[1\], line 2, column 1\n[\s\S]*CancelledError\n[\s\S]*Cell cell\[1\], line 1, column 1\n[\s\S]*TimeoutError$/
    );
  });

  it('a Promise that never settles on the virtual clock is reported, not a hang', async () => {
    const nb = notebook();
    const started = Date.now();
    const result = await nb.run('print("waiting");\nawait new Promise(() => {});\nprint("never");');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(streamText(result.outputs, 'stdout')).toBe('waiting\n');
    const error = errorOf(result.outputs)!;
    expect(error.ename).toBe('OutsideWaitError');
    expect(error.evalue).toContain(
      "an await in 'cell[1]' of a Promise outside the scheduler did not settle within 0.3 s of real time"
    );
    expect(plain(error.traceback)).toContain(
      'Cell cell[1], line 2, column 1\n      1 print("waiting");\n----> 2 await new Promise(() => {});'
    );
  });

  it('an exception of a task nobody awaited is reported on stderr with its traceback', async () => {
    const nb = notebook();
    const result = await nb.run(
      'async function boom() {\n  await sleep(1);\n  throw new ValueError("lost");\n}\ncreateTask(boom());\nawait sleep(2);\nprint("main done");'
    );
    expect(result.status).toBe('ok');
    expect(streamText(result.outputs, 'stderr')).toBe(
      "Task exception was never retrieved: task 'boom' raised ValueError: lost\n" +
        'Traceback (most recent call last):\n' +
        '  Cell cell[1], line 3, column 9, in boom\n' +
        '    throw new ValueError("lost");\n' +
        'ValueError: lost\n'
    );
  });

  it('an interrupt ends the cell with KeyboardInterrupt showing where it was', async () => {
    const nb = notebook();
    const running = nb.run(
      '// @coroutine-cells clock=real\nasync function tick() {\n  while (true) await sleep(0.02);\n}\nawait tick();'
    );
    setTimeout(() => nb.session.interrupt(), 150);
    const result = await running;
    expect(result.status).toBe('interrupted');
    const error = errorOf(result.outputs)!;
    expect(error.ename).toBe('KeyboardInterrupt');
    const text = plain(error.traceback);
    expect(text).toMatch(/Cell cell\[1\], line 5, column 1\n[\s\S]*Cell cell\[1\], line 3, column 16, in tick\n/);
    expect(text.split('\n').at(-1)).toBe('KeyboardInterrupt: the cell was interrupted: every task was cancelled');
  });

  it('deadlock and budgets end the cell with an error that says why', async () => {
    const nb = notebook();
    const deadlock = await nb.run('const f = new Future();\nawait f;');
    expect(errorOf(deadlock.outputs)!.ename).toBe('DeadlockError');
    const spin = await nb.run('// @coroutine-cells maxSteps=500\nwhile (true) await sleep(0);');
    expect(errorOf(spin.outputs)!.ename).toBe('BudgetExceededError');
    expect(errorOf(spin.outputs)!.evalue).toContain('500');
  });
});
