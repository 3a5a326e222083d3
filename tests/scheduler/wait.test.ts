import { describe, expect, it } from 'vitest';
import { createTask, FIRST_COMPLETED, FIRST_EXCEPTION, sleep, now, wait, type Future } from '../../src/scheduler';
import { asyncFn, coro, runLines } from './helpers';

const work = asyncFn('work', function* (delay: number, fail = false) {
  yield sleep(delay);
  if (fail) throw new Error(`fail ${delay}`);
  return delay;
});

const names = (s: Set<Future<unknown>>): string[] => [...s].map(f => f.label);

describe('wait (§9.1)', () => {
  it('ALL_COMPLETED waits for all, never raises', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const ts = [createTask(work(2), { name: 'a' }), createTask(work(1, true), { name: 'b' })];
        const [done, pending] = (yield wait(ts)) as [Set<Future<unknown>>, Set<Future<unknown>>];
        ts[1].exception();
        return [names(done), names(pending), now()];
      })
    );
    expect(report.value).toEqual([['a', 'b'], [], 2]);
  });

  it('FIRST_COMPLETED and FIRST_EXCEPTION return early; a timeout does not raise or cancel', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const out: unknown[] = [];
        const a = createTask(work(3), { name: 'a' });
        const b = createTask(work(1), { name: 'b' });
        let [done, pending] = (yield wait([a, b], { returnWhen: FIRST_COMPLETED })) as Set<Future<unknown>>[];
        out.push(names(done), names(pending), now());
        const c = createTask(work(1, true), { name: 'c' });
        [done, pending] = (yield wait([a, c], { returnWhen: FIRST_EXCEPTION })) as Set<Future<unknown>>[];
        out.push(names(done), names(pending), now());
        c.exception();
        [done, pending] = (yield wait([a], { timeout: 0.5 })) as Set<Future<unknown>>[];
        out.push(names(done), names(pending), now(), a.cancelled());
        yield a;
        return out;
      })
    );
    expect(report.value).toEqual([['b'], ['a'], 1, ['c'], ['a'], 2, [], ['a'], 2.5, false]);
  });

  it('rejects an empty argument, coroutines and bad returnWhen at once', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const errors: string[] = [];
        const c = work(1);
        for (const f of [
          () => wait([]),
          () => wait([c] as never),
          () => wait([createTask(sleep(0))], { returnWhen: 'SOMETIMES' as never }),
          () => wait(5 as never)
        ]) {
          try {
            f();
          } catch (e) {
            errors.push(String(e));
          }
        }
        yield c;
        return errors;
      })
    );
    expect(report.value).toEqual([
      'ValueError: wait(): aws must not be empty (Set of Tasks/Futures is empty.)',
      'TypeError: wait(): item 1 is a coroutine (<coroutine object work>); passing coroutines is forbidden, use tasks explicitly',
      'ValueError: wait(): returnWhen must be FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED, got "SOMETIMES"',
      'TypeError: wait(): aws must be an iterable of Tasks/Futures, got 5'
    ]);
  });
});
