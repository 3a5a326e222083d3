import { describe, expect, it } from 'vitest';
import { BoundedSemaphore, createTask, Semaphore, sleep, now, ValueError } from '../../src/scheduler';
import { asyncFn, coro, runLines, using } from './helpers';

describe('Semaphore / BoundedSemaphore (§10)', () => {
  it('admits `value` holders at once and the rest FIFO', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const sem = new Semaphore(2);
        const worker = asyncFn('worker', function* (name: string, d: number) {
          yield* using((yield sem.hold()) as object, function* () {
            log.push(`${name} in at ${now()}`);
            yield sleep(d);
          });
        });
        const ts = [
          createTask(worker('a', 2)),
          createTask(worker('b', 1)),
          createTask(worker('c', 1)),
          createTask(worker('d', 1))
        ];
        for (const t of ts) yield t;
        return now();
      })
    );
    expect(log).toEqual(['a in at 0', 'b in at 0', 'c in at 1', 'd in at 2']);
    expect(report.value).toBe(3);
  });

  it('locked() is true while a non-cancelled waiter exists', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const sem = new Semaphore(1);
        yield sem.acquire();
        const t = createTask(
          coro('w', function* () {
            yield sem.acquire();
          })
        );
        yield sleep(0);
        const states = [sem.locked()];
        sem.release();
        states.push(sem.locked(), String(sem) as never);
        yield t;
        return states;
      })
    );
    expect(report.value).toEqual([true, true, '<Semaphore [locked]>']);
  });

  it('a waiter cancelled after being handed a slot passes it on', async () => {
    const log: string[] = [];
    await runLines(
      coro('main', function* () {
        const sem = new Semaphore(0);
        const a = createTask(
          coro('a', function* () {
            yield sem.acquire();
            log.push('a');
          })
        );
        const b = createTask(
          coro('b', function* () {
            yield sem.acquire();
            log.push(`b at ${now()}`);
          })
        );
        yield sleep(1);
        sem.release();
        a.cancel();
        try {
          yield a;
        } catch {
          log.push('a cancelled');
        }
        yield b;
      })
    );
    // a's step hands the slot to b before a finishes, so b resumes before main sees a's end.
    expect(log).toEqual(['b at 1', 'a cancelled']);
  });

  it('BoundedSemaphore refuses an extra release; bad values are rejected', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const errors: string[] = [];
        const b = new BoundedSemaphore(1);
        try {
          b.release();
        } catch (e) {
          errors.push(`${e instanceof ValueError} ${e}`);
        }
        for (const v of [-1, 1.5, 'x']) {
          try {
            new Semaphore(v as number);
          } catch (e) {
            errors.push(String(e));
          }
        }
        return errors;
      })
    );
    expect(report.value).toEqual([
      'true ValueError: BoundedSemaphore released too many times',
      'RangeError: Semaphore(): value must be an integer >= 0, got -1',
      'RangeError: Semaphore(): value must be an integer >= 0, got 1.5',
      'TypeError: Semaphore(): value must be an integer >= 0, got "x"'
    ]);
  });
});
