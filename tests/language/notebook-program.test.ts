import { describe, expect, it } from 'vitest';
import { NotebookProgram } from '../../src/language/notebook-program';
import { languageFiles, problems, programOf } from './helpers';

describe('NotebookProgram: one program per notebook, as the runtime sees it', () => {
  it('reports a type error with its line, column, code and message', () => {
    const program = programOf('print(1);\nconst n: number = "a";');
    expect(problems(program, 0)).toEqual(["2:7 TS2322 Type 'string' is not assignable to type 'number'."]);
    const [d] = program.diagnostics('c0');
    expect('print(1);\nconst n: number = "a";'.slice(d.from, d.to)).toBe('n');
  });

  it('knows the names of earlier cells in later ones, with their types', () => {
    const program = programOf(
      'async function fetchPage(url: string) { await sleep(1); return url.length; }\ninterface Point { x: number }',
      'const size: string = await fetchPage("a");\nconst p: Point = { x: 1 };'
    );
    expect(problems(program, 0)).toEqual([]);
    expect(problems(program, 1)).toEqual(["1:7 TS2322 Type 'number' is not assignable to type 'string'."]);
  });

  it('takes a name from the nearest earlier cell that declares it', () => {
    const program = programOf('const v = 1;', 'const v = "text";', 'const s: string = v;');
    expect(problems(program, 2)).toEqual([]);
  });

  it('knows a name only a later cell declares (a function may call it, as at run time)', () => {
    const program = programOf('async function main() { await helper(); }', 'async function helper() {}');
    expect(problems(program, 0)).toEqual([]);
  });

  it('a name declared again (another cell, or re-declared after editing) is not an error', () => {
    const program = programOf(
      'const x = 1;\nlet y = 2;',
      'const x = 2;\nlet y = "b";\nfunction f() {}',
      'function f() { return 1; }'
    );
    for (const index of [0, 1, 2]) expect(problems(program, index)).toEqual([]);
    program.setCells([
      { id: 'c0', source: 'const x = 1;\nlet y = 2;' },
      { id: 'c1', source: 'const x = 3;' }
    ]);
    expect(problems(program, 1)).toEqual([]);
  });

  it('accepts top-level await, await using and the first-line directive', () => {
    const program = programOf(
      [
        '// @coroutine-cells clock=real maxSteps=1000',
        'await sleep(1);',
        'await using tg = new TaskGroup();',
        'const t = tg.createTask(sleep(1, 5));',
        'await using _ = await new Lock().hold();',
        'await using to = timeout(2);',
        'const five: number = await t;',
        'const [a, b] = await gather(sleep(1, "a"), sleep(2, 2));',
        'print(five, a, b);'
      ].join('\n')
    );
    expect(problems(program, 0)).toEqual([]);
  });

  it('an async function is a coroutine: createTask, run and waitFor accept it, and awaiting a task gives its result', () => {
    const program = programOf(
      [
        'async function work(n: number) { await sleep(n); return `done ${n}`; }',
        'const task = createTask(work(1), { name: "w" });',
        'const text: string = await task;',
        'const other = await waitFor(work(2), 5);',
        'const length: number = other.length;',
        'print(work(1).name, task.getName?.(), text, length);',
        'run(work(3));'
      ].join('\n')
    );
    expect(problems(program, 0).filter(p => !p.includes('getName'))).toEqual([]);
  });

  it('a let or var of another cell may be assigned; a const may not', () => {
    const program = programOf('let balance = 100;\nconst rate = 2;', 'balance = balance - 10;\nrate = 3;');
    expect(problems(program, 1)).toEqual([
      "2:1 TS2632 Cannot assign to 'rate' because another cell declares it const (or imports it)."
    ]);
  });

  it('a cell may shadow an API name, and later cells see its own declaration', () => {
    const program = programOf('const sleep = (n: number) => n * 2;', 'const doubled: number = sleep(2);');
    expect(problems(program, 0)).toEqual([]);
    expect(problems(program, 1)).toEqual([]);
  });

  it('imports from coroutine-cells work; other modules are errors', () => {
    const program = programOf("import { gather as g } from 'coroutine-cells';\nimport x from 'node:fs';\nawait g();");
    const found = problems(program, 0);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^2:15 TS2307 Cannot find module 'node:fs'/);
  });

  it('an unknown name and a syntax error are reported in the cell', () => {
    expect(problems(programOf('gath'), 0)).toEqual(["1:1 TS2304 Cannot find name 'gath'."]);
    expect(problems(programOf('const a = ('), 0)).toEqual(['1:12 TS1109 Expression expected.']);
    // An unterminated comment does not swallow the hidden imports' errors into the cell.
    expect(problems(programOf('print(1) /* open'), 0)).toEqual(["1:17 TS1010 '*/' expected."]);
  });

  it('completes API names with their doc and asyncio name, and names of other cells', () => {
    const program = programOf('async function fetchPage() {}', 'gath\nfetchP');
    const source = 'gath\nfetchP';
    const list = program.completions('c1', 4);
    expect(list.start).toBe(0);
    expect(list.items.map(i => i.label)).toContain('gather');
    const details = program.completionDetails('c1', 4, 'gather');
    expect(details?.signature).toMatch(/^function gather\(/);
    expect(details?.documentation).toContain('asyncio.gather');
    expect(program.completions('c1', source.length).items.map(i => i.label)).toEqual(['fetchPage']);
  });

  it('completes the methods of a TaskGroup', () => {
    const source = 'await using tg = new TaskGroup();\ntg.';
    const labels = programOf(source)
      .completions('c0', source.length)
      .items.map(i => i.label);
    expect(labels).toContain('createTask');
  });

  it('inspects the name at the cursor and gives signature help inside a call', () => {
    const program = programOf('createTask', 'createTask(sleep(1), ');
    const info = program.quickInfo('c0', 'createTask'.length);
    expect(info?.signature).toMatch(
      /^function createTask<T>\(coro: Coroutine<T>, options\?: CreateTaskOptions\): Task<T>/
    );
    expect(info?.documentation).toContain('asyncio.create_task');
    const help = program.signatureHelp('c1', 'createTask(sleep(1), '.length);
    expect(help?.label).toMatch(/^createTask\(coro: Coroutine<undefined>, options\?: CreateTaskOptions\)/);
    expect(help?.activeParameter).toBe(1);
  });

  it('keeps the program while the cells do not change, and rejects an unknown cell with a clear error', () => {
    const program = new NotebookProgram(languageFiles());
    program.setCells([{ id: 'a', source: 'const a = 1;' }]);
    const first = program.languageService.getProgram();
    program.setCells([{ id: 'a', source: 'const a = 1;' }]);
    expect(program.languageService.getProgram()).toBe(first);
    program.setCells([{ id: 'a', source: 'const a = 2;' }]);
    expect(program.languageService.getProgram()).not.toBe(first);
    expect(() => program.diagnostics('nope')).toThrow(/no coroutine cell with id 'nope'/);
    expect(() => program.completions('a', -1)).toThrow(/offset must be a non-negative integer/);
  });

  it('stays usable for a 5,000-line cell and a circular type', () => {
    const big = Array.from({ length: 5000 }, (_, i) => `const v${i}: number = ${i};`).join('\n');
    const program = programOf(
      big,
      'type Loop = { next: Loop };\nconst l: Loop = { next: null as unknown as Loop };\nconst bad: Loop = 1;'
    );
    expect(problems(program, 0)).toEqual([]);
    expect(problems(program, 1)).toEqual(["3:7 TS2322 Type 'number' is not assignable to type 'Loop'."]);
  });
});
