import { describe, expect, it } from 'vitest';
import { errorOf, notebook, plain, streamText } from './helpers';

describe('notebook state across cells', () => {
  it('top-level declarations persist into later cells', async () => {
    const nb = notebook();
    await nb.run(`import { sleep as nap } from 'coroutine-cells';
const greeting = "hello";
let count = 0;
var flag = true;
function double(x: number) { return 2 * x; }
class Box { constructor(public v: number) {} }
async function bump() { await nap(1); count++; return count; }
const { a, b: [first] } = { a: 1, b: [2] };`);
    const second = await nb.run(
      'print(greeting, count, flag, double(a + first), new Box(3).v, await bump(), await bump(), count);'
    );
    expect(streamText(second.outputs, 'stdout')).toBe('hello 0 true 6 3 1 2 2\n');
  });

  it('re-running a cell that declares const works, and assigning a const fails', async () => {
    const nb = notebook();
    const source = 'const x = Math.floor(now()) + 1;\nprint(x);';
    await nb.run(source);
    const again = await nb.run(source);
    expect(again.status).toBe('ok');
    const assign = await nb.run('x = 5;');
    expect(errorOf(assign.outputs)?.evalue).toBe("Assignment to constant variable 'x'.");
  });

  it('a function refers to names declared by later cells, and sees their current values', async () => {
    const nb = notebook();
    await nb.run('function describe() { return `${label}: ${items.length}`; }');
    await nb.run('const label = "items"; let items = [1, 2];');
    await nb.run('items.push(3);\nitems = [...items, 4];');
    const result = await nb.run('print(describe());');
    expect(streamText(result.outputs, 'stdout')).toBe('items: 4\n');
  });

  it('a local variable shadows a notebook name', async () => {
    const nb = notebook();
    await nb.run('const n = 1;');
    const result = await nb.run('function f() { const n = 2; return n; }\nprint(f(), n);');
    expect(streamText(result.outputs, 'stdout')).toBe('2 1\n');
  });

  it('an undefined name is a ReferenceError with the cell position; typeof is safe', async () => {
    const nb = notebook();
    const result = await nb.run('print(typeof missing);\nprint(missing);');
    expect(streamText(result.outputs, 'stdout')).toBe('undefined\n');
    const error = errorOf(result.outputs)!;
    expect(error.ename).toBe('ReferenceError');
    expect(error.evalue).toBe('missing is not defined');
    expect(plain(error.traceback)).toContain('Cell cell[1], line 2, column 7');
  });

  it('declaring an API name shadows it with a warning; reset brings it back', async () => {
    const nb = notebook();
    const result = await nb.run('const sleep = (d: number) => `no sleep ${d}`;\nprint(sleep(1));');
    expect(streamText(result.outputs, 'stdout')).toBe('no sleep 1\n');
    expect(streamText(result.outputs, 'stderr')).toContain("'sleep' now shadows the coroutine-cells API 'sleep'");
    nb.session.reset();
    const after = await nb.run('await sleep(1);\nprint(now());');
    expect(streamText(after.outputs, 'stdout')).toBe('1\n');
  });

  it('warmUp compiles without declaring anything', async () => {
    const nb = notebook();
    nb.session.warmUp();
    const result = await nb.run('print(typeof results, typeof work);');
    expect(streamText(result.outputs, 'stdout')).toBe('undefined undefined\n');
  });

  it('each cell is its own run: the virtual clock starts at 0 again', async () => {
    const nb = notebook();
    await nb.run('await sleep(5);');
    const result = await nb.run('print(now());');
    expect(streamText(result.outputs, 'stdout')).toBe('0\n');
  });
});
