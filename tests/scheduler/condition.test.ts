import { describe, expect, it } from 'vitest';
import { Condition, createTask, RuntimeError, sleep, now } from '../../src/scheduler';
import { asyncFn, coro, runLines, using } from './helpers';

describe('Condition (§10)', () => {
  it('notify(n) wakes n waiters FIFO, each re-acquiring the lock', async () => {
    const log: string[] = [];
    await runLines(
      coro('main', function* () {
        const cond = new Condition();
        const waiter = asyncFn('waiter', function* (name: string) {
          yield* using((yield cond.hold()) as object, function* () {
            yield cond.wait();
            log.push(`${name} woke at ${now()} holding=${cond.locked()}`);
            yield sleep(1);
          });
        });
        const ts = ['a', 'b', 'c'].map(n => createTask(waiter(n)));
        yield sleep(1);
        yield cond.acquire();
        cond.notify(2);
        cond.release();
        yield sleep(5);
        yield cond.acquire();
        cond.notifyAll();
        cond.release();
        for (const t of ts) yield t;
      })
    );
    expect(log).toEqual(['a woke at 1 holding=true', 'b woke at 2 holding=true', 'c woke at 6 holding=true']);
  });

  it('waitFor re-checks the predicate; wait/notify need the lock', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const cond = new Condition();
        let items = 0;
        const consumer = createTask(
          coro('consumer', function* () {
            yield cond.acquire();
            const r = yield cond.waitFor(() => items >= 2 && items);
            cond.release();
            return [r, now()];
          })
        );
        for (let i = 0; i < 2; i++) {
          yield sleep(1);
          yield cond.acquire();
          items++;
          cond.notify();
          cond.release();
        }
        const errors: string[] = [];
        try {
          cond.notify();
        } catch (e) {
          errors.push(String(e));
        }
        try {
          yield cond.wait();
        } catch (e) {
          errors.push(`${e instanceof RuntimeError} ${e}`);
        }
        return [yield consumer, errors];
      })
    );
    expect(report.value).toEqual([
      [2, 2],
      ['RuntimeError: cannot notify on un-acquired lock', 'true RuntimeError: cannot wait on un-acquired lock']
    ]);
  });

  it('a cancelled wait still re-acquires the lock before raising', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const cond = new Condition();
        const t = createTask(
          coro('w', function* () {
            yield cond.acquire();
            try {
              yield cond.wait();
            } catch (e) {
              return `${e} holding=${cond.locked()}`;
            }
          })
        );
        yield sleep(1);
        t.cancel();
        return yield t;
      })
    );
    expect(report.value).toBe('CancelledError holding=true');
  });
});
