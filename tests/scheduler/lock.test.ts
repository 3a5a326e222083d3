import { describe, expect, it } from 'vitest';
import { createTask, Lock, RuntimeError, sleep, now } from '../../src/scheduler';
import { asyncFn, coro, eventsOf, runLines, using } from './helpers';

describe('Lock (§10)', () => {
  it('admits waiters FIFO; the await using form releases at the end of the block', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const lock = new Lock();
        const worker = asyncFn('worker', function* (name: string) {
          yield* using((yield lock.hold()) as object, function* () {
            log.push(`${name} in at ${now()}`);
            yield sleep(1);
          });
        });
        const ts = ['a', 'b', 'c'].map(n => createTask(worker(n)));
        for (const t of ts) yield t;
        return lock.locked();
      })
    );
    expect(log).toEqual(['a in at 0', 'b in at 1', 'c in at 2']);
    expect(report.value).toBe(false);
    const lockWaits = eventsOf(report, 'suspended').filter(e => e.on === 'lock');
    expect(lockWaits.map(e => [e.task, e.label])).toEqual([
      [2, 'Lock#1'],
      [3, 'Lock#1']
    ]);
  });

  it('a newcomer cannot barge past a woken waiter', async () => {
    const log: string[] = [];
    await runLines(
      coro('main', function* () {
        const lock = new Lock();
        yield lock.acquire();
        const waiter = createTask(
          coro('waiter', function* () {
            yield lock.acquire();
            log.push('waiter got it');
            lock.release();
          })
        );
        yield sleep(0);
        lock.release();
        const barger = createTask(
          coro('barger', function* () {
            yield lock.acquire();
            log.push('barger got it');
            lock.release();
          })
        );
        yield waiter;
        yield barger;
      })
    );
    expect(log).toEqual(['waiter got it', 'barger got it']);
  });

  it('skips a cancelled waiter and passes the lock on', async () => {
    const log: string[] = [];
    await runLines(
      coro('main', function* () {
        const lock = new Lock();
        yield lock.acquire();
        const a = createTask(
          coro('a', function* () {
            yield lock.acquire();
            log.push('a got it');
            lock.release();
          })
        );
        const b = createTask(
          coro('b', function* () {
            yield lock.acquire();
            log.push(`b got it at ${now()}`);
            lock.release();
          })
        );
        yield sleep(1);
        a.cancel();
        lock.release();
        try {
          yield a;
        } catch {
          log.push('a cancelled');
        }
        yield b;
      })
    );
    // a's step wakes b before a finishes, so b resumes before main sees a's end.
    expect(log).toEqual(['b got it at 1', 'a cancelled']);
  });

  it('release() of an unlocked lock raises', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        try {
          new Lock().release();
        } catch (e) {
          return [e instanceof RuntimeError, String(e)];
        }
      })
    );
    expect(report.value).toEqual([true, 'RuntimeError: Lock is not acquired.']);
  });
});
