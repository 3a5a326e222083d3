import { describe, expect, it } from 'vitest';
import { compileCell } from '../../src/compiler';
import { coroutineHelpers } from '../../src/scheduler';
import { createCellApi } from '../../src/runtime/cell-api';
import { runSource } from './run-source';
import { errorOf, plain } from './helpers';

const run = (source: string) => runSource(source, { chart: { enabled: false } });

/** A lesson-like cell; `PAUSE` is replaced by how it awaits sleep(0). */
const LESSON = `async function worker(name: string) {
  try {
    for (let i = 0; i < 3; i++) {
      print(name, i);
      const got = PAUSE;
      print(name, "got", got);
    }
    PAUSE;
    throw new Error("boom in " + name);
  } finally {
    print(name, "finally");
  }
}
const a = createTask(worker("a"));
const b = createTask(worker("b"));
PAUSE;
b.cancel();
await a;
`;

describe('a direct await sleep(…) in a cell (compiled to a marker)', () => {
  it('the compiler rewrites only a direct await of sleep with one argument and no code in it', () => {
    const compiled = compileCell(
      [
        'await sleep(0);',
        'await sleep(1);',
        'await sleep(0 * 1);',
        'await sleep(0, 5);',
        'const s = sleep(0);',
        'await s;',
        'await (sleep)(2);',
        'await sleep([3].map(x => x)[0]);',
        'await sleep(...[4]);'
      ].join('\n'),
      { url: 'cell-1.js', cellLabel: 'cell[1]' }
    );
    if (!compiled.ok) throw new Error('did not compile');
    const code = compiled.cell.code;
    expect(code.match(/__cc_sleep0 :/g)?.length).toBe(1);
    expect(code).toContain('__cc_sleepFor(1) : (0, __cc_scope.sleep)(1)');
    expect(code).toContain('__cc_sleepFor(0 * 1) :');
    expect(code.match(/__cc_sleepFor\(/g)?.length).toBe(2);
    expect(code).toContain('(0, __cc_scope.sleep)(0, 5)');
  });

  it("cells get the scheduler's sleep, so the marker is what they yield", () => {
    const api = createCellApi(() => {});
    expect(api.get('sleep')).toBe(coroutineHelpers.__cc_sleep);
  });

  // `(sleep)(…)` is not rewritten: it makes and awaits the sleep coroutine.
  for (const [delay, hint] of [
    ['0', 'sleep(0): one iteration'],
    ['0.5', 'sleep(0.5): a timer']
  ]) {
    it(`${hint}: outputs, trace, error and traceback are those of awaiting the sleep coroutine`, async () => {
      const viaMarker = await run(LESSON.replaceAll('PAUSE', `await sleep(${delay})`));
      const viaCoroutine = await run(LESSON.replaceAll('PAUSE', `await (sleep)(${delay})`));
      expect(viaMarker.stdout).toBe(viaCoroutine.stdout);
      expect(viaMarker.stdout).toContain('a got undefined');
      expect(viaMarker.stdout).toContain('b finally');
      expect(viaMarker.stderr).toBe(viaCoroutine.stderr);
      const events = (r: typeof viaMarker) => r.trace.events.map(e => ({ ...e, column: undefined }));
      expect(events(viaMarker)).toEqual(events(viaCoroutine));
      const marked = errorOf(viaMarker.outputs);
      const plainPath = errorOf(viaCoroutine.outputs);
      expect(marked?.evalue).toBe('boom in a');
      expect(plain(marked!.traceback)).toBe(plain(plainPath!.traceback).replaceAll('(sleep)(', 'sleep('));
    });
  }

  it('a bad delay fails where it is written, with the error and traceback of sleep()', async () => {
    const source = 'async function f(d: any) {\n  await PAUSE;\n}\nawait f(-1);\n';
    const viaMarker = await run(source.replace('PAUSE', 'sleep(d)'));
    const viaCoroutine = await run(source.replace('PAUSE', '(sleep)(d)'));
    const marked = errorOf(viaMarker.outputs);
    expect(marked?.ename).toBe('RangeError');
    expect(marked?.evalue).toBe('sleep(): delay must be a finite number >= 0, got -1');
    // The same frames and lines; only the column differs, as the two sources differ there.
    const frames = (traceback: string[]) =>
      plain(traceback)
        .replace(/, column \d+/g, '')
        .replace(/\n *\^ *(?=\n)/g, '')
        .replaceAll('(sleep)(', 'sleep(');
    expect(frames(marked!.traceback)).toBe(frames(errorOf(viaCoroutine.outputs)!.traceback));
    expect(plain(marked!.traceback)).toContain('line 2, column 9, in f');
  });

  it("a cell's own sleep is called as written", async () => {
    const result = await run(`const sleep = async (s: number) => print("my sleep", s);
await sleep(0);
async function f() {
  const sleep = (s: number) => print("local sleep", s);
  await sleep(0);
}
await f();`);
    expect(result.stdout).toBe('my sleep 0\nlocal sleep 0\n');
  });
});
