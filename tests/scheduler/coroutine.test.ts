import { describe, expect, it } from 'vitest';
import { __awaiter, Coroutine, createTask, isCoroutine, sleep } from '../../src/scheduler';
import { coro, runLines } from './helpers';

describe('Coroutine (lazy, from __awaiter)', () => {
  it('runs nothing until awaited; takes its name from the third argument or the generator', async () => {
    const log: string[] = [];
    const named = __awaiter(undefined, undefined, 'task1', function* () {
      log.push('ran');
    });
    const fromGenerator = __awaiter(undefined, undefined, undefined, function* gen() {});
    const anonymous = __awaiter(undefined, undefined, undefined, function* () {});
    expect(log).toEqual([]);
    expect([named.name, fromGenerator.name, String(named)]).toEqual(['task1', 'gen', '<coroutine object task1>']);
    expect(anonymous.name === 'coroutine' || anonymous.name === '').toBe(true);
    expect(isCoroutine(named) && named instanceof Coroutine && !named.started).toBe(true);
    const { report } = await runLines(
      coro('main', function* () {
        yield named;
        return named.started;
      })
    );
    expect(log).toEqual(['ran']);
    expect(report.value).toBe(true);
    // Not part of that run, never awaited: nothing to report about them there.
    expect(report.warnings).toEqual([]);
    expect([fromGenerator.started, anonymous.started]).toEqual([false, false]);
  });

  it('awaiting a plain value gives it back at once, without suspending (docs/scheduler-semantics.md)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const value = yield 42;
        const object = yield { answer: 42 };
        return [value, object];
      })
    );
    expect(report.value).toEqual([42, { answer: 42 }]);
    // One step: the task never suspended.
    expect(report.steps).toBe(1);
  });

  it('passes this and arguments to the generator', async () => {
    const obj = { base: 10 };
    function add(this: typeof obj, x: number): Coroutine<number> {
      // eslint-disable-next-line prefer-rest-params
      return __awaiter(this, arguments, 'add', function* (this: typeof obj) {
        yield sleep(0);
        return this.base + x;
      });
    }
    const { report } = await runLines(
      coro('main', function* () {
        return yield add.call(obj, 5);
      })
    );
    expect(report.value).toBe(15);
  });

  it('a generator function that is not one gives a clear error at the await', async () => {
    const bad = __awaiter(undefined, undefined, 'bad', (() => 42) as never);
    const { report } = await runLines(
      coro('main', function* () {
        try {
          yield bad;
        } catch (e) {
          return String(e);
        }
      })
    );
    expect(report.value).toBe(
      "TypeError: coroutine 'bad': the function given to __awaiter must be a generator function"
    );
  });

  it('a task made from a coroutine marks it started; a coroutine awaited twice raises', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const c = coro('work', function* () {
          return 1;
        });
        const t = createTask(c);
        const started = c.started;
        yield t;
        try {
          yield c;
        } catch (e) {
          return [started, String(e)];
        }
      })
    );
    expect(report.value).toEqual([
      true,
      'RuntimeError: cannot reuse already awaited coroutine <coroutine object work>'
    ]);
  });
});
