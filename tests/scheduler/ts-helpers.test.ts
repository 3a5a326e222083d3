/**
 * The helpers against TypeScript's real emit (typescript 5.9, target ES2016, noEmitHelpers), as
 * the compiler produces it: async functions, `await using`, `for await`, async generators.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/scheduler';
import { startRun, type RunReport } from '../../src/scheduler';

function compile(source: string): string {
  const out = ts.transpileModule(source, {
    compilerOptions: {
      target: ts.ScriptTarget.ES2016,
      module: ts.ModuleKind.ESNext,
      noEmitHelpers: true,
      importHelpers: false
    }
  }).outputText;
  // Pass each async function's name as the third argument, as the project's compiler does.
  return out.replace(
    /function (\w+)\(([^)]*)\) \{\s*return __awaiter\(this, (void 0|arguments), void 0,/g,
    'function $1($2) { return __awaiter(this, $3, "$1",'
  );
}

async function runTs(source: string): Promise<{ lines: string[]; report: RunReport<unknown> }> {
  const lines: string[] = [];
  const print = (...values: unknown[]): void => api.emitOutput('stdout', values.map(String).join(' ') + '\n');
  const scope: Record<string, unknown> = { ...api, ...api.coroutineHelpers, print };
  const names = Object.keys(scope).filter(n => /^[A-Za-z_$][\w$]*$/.test(n));
  const factory = new Function(...names, `${compile(source)}\nreturn main;`);
  const main = factory(...names.map(n => scope[n])) as () => api.Coroutine<unknown>;
  const report = await startRun(main(), {
    clock: 'virtual',
    onOutput: (_s, text) => lines.push(`${api.now()}: ${text.trimEnd()}`)
  }).done;
  return { lines, report };
}

describe('TypeScript emit with the coroutine helpers', () => {
  it('runs the seed example written as real async functions', async () => {
    const { lines, report } = await runTs(`
      async function task1() { print('Task 1: Start'); await sleep(3); print('Task 1: End'); return 'one'; }
      async function task2() { print('Task 2: Start'); await sleep(1); print('Task 2: End'); return 'two'; }
      async function main() {
        print('Main: Start');
        const t1 = createTask(task1());
        const t2 = createTask(task2());
        const results = await gather(t1, t2);
        print(results.join(','));
        print('Main: End');
      }`);
    expect(lines).toEqual([
      '0: Main: Start',
      '0: Task 1: Start',
      '0: Task 2: Start',
      '1: Task 2: End',
      '3: Task 1: End',
      '3: one,two',
      '3: Main: End'
    ]);
    expect(api.DEFAULT_TRACE_CAP).toBe(200_000);
    expect(report.trace.events.filter(e => e.type === 'task-created').map(e => (e as { name: string }).name)).toEqual([
      'main',
      'task1',
      'task2'
    ]);
  });

  it('await using TaskGroup sees the body error and raises an ExceptionGroup', async () => {
    const { lines } = await runTs(`
      async function child(d, fail) { await sleep(d); if (fail) throw new Error('child ' + d); return d; }
      async function main() {
        try {
          await using tg = new TaskGroup();
          tg.createTask(child(1, true));
          tg.createTask(child(5, false));
          await sleep(10);
        } catch (e) {
          print(e.name, e.message, e.exceptions.map(String).join('|'));
        }
        try {
          await using tg = new TaskGroup();
          tg.createTask(child(2, false));
          throw new Error('body');
        } catch (e) {
          print(e.name, e.exceptions.map(String).join('|'));
        }
      }`);
    expect(lines).toEqual([
      '1: ExceptionGroup unhandled errors in a TaskGroup (1 sub-exception) Error: child 1',
      '1: ExceptionGroup Error: body'
    ]);
  });

  it('await using timeout raises TimeoutError; sync using and Symbol.asyncDispose resources work', async () => {
    const { lines } = await runTs(`
      async function main() {
        try {
          await using t = timeout(2);
          await sleep(5);
        } catch (e) {
          print(e.name, 'cause:', e.cause.name, 'at', now());
        }
        {
          using r = { [Symbol.dispose]() { print('sync disposed'); } };
          await using a = { async [Symbol.asyncDispose]() { print('async disposed'); } };
          await sleep(1);
        }
        const lock = new Lock();
        {
          await using held = await lock.hold();
          print('locked', lock.locked());
        }
        print('after', lock.locked());
      }`);
    expect(lines).toEqual([
      '2: TimeoutError cause: CancelledError at 2',
      '3: async disposed',
      '3: sync disposed',
      '3: locked true',
      '3: after false'
    ]);
  });

  it('async generators and for await run on the scheduler', async () => {
    const { lines } = await runTs(`
      async function* ticks(n) {
        for (let i = 0; i < n; i++) { await sleep(1); yield i; }
      }
      async function* twice() { yield* ticks(2); yield 'end'; }
      async function main() {
        for await (const x of twice()) print('got', x, 'at', now());
        for await (const v of [sleep(1, 'a'), 'b']) print(v, now());
      }`);
    expect(lines).toEqual(['1: got 0 at 1', '2: got 1 at 2', '2: got end at 2', '3: a 3', '3: b 3']);
  });

  it('breaking out of for await closes the async generator (its finally runs)', async () => {
    const { lines } = await runTs(`
      async function* gen() { try { yield 1; yield 2; } finally { print('closed'); } }
      async function main() {
        for await (const x of gen()) { print('x', x); break; }
        print('after');
      }`);
    expect(lines).toEqual(['0: x 1', '0: closed', '0: after']);
  });
});
