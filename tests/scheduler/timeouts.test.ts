import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  createTask,
  currentTask,
  Event,
  sleep,
  now,
  TaskGroup,
  timeout,
  timeoutAt,
  TimeoutError,
  type Timeout
} from '../../src/scheduler';
import { coro, runLines, using } from './helpers';
import { getRunningLoop } from '../../src/scheduler/loop-state';
import type { EventLoop } from '../../src/scheduler/event-loop';

describe('timeout / timeoutAt (rule 6)', () => {
  it('cancels the body at the deadline and raises TimeoutError caused by the CancelledError (6.1-6.3)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        let t!: Timeout;
        let inside = '';
        try {
          yield* using(timeout(2), function* (tm) {
            t = tm;
            try {
              yield sleep(5);
            } catch (e) {
              inside = `${e} at ${now()}`;
              throw e;
            }
          });
        } catch (e) {
          const err = e as TimeoutError;
          return [
            err instanceof TimeoutError,
            err.message,
            (err.cause as Error) instanceof CancelledError,
            inside,
            t.expired(),
            t.when(),
            currentTask()!.cancelling()
          ];
        }
      })
    );
    expect(report.value).toEqual([true, '', true, 'CancelledError at 2', true, 2, 0]);
  });

  it('a sleep ending exactly at the deadline still gives TimeoutError; strictly before completes (6.4)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const results: string[] = [];
        try {
          yield* using(timeout(1), function* () {
            yield sleep(1);
            results.push('tie finished');
          });
        } catch (e) {
          results.push(`tie: ${e}`);
        }
        yield* using(timeout(1), function* () {
          yield sleep(0.875);
          results.push(`before: ok at ${now()}`);
        });
        return results;
      })
    );
    expect(report.value).toEqual(['tie: TimeoutError', 'before: ok at 1.875']);
  });

  it('a deadline timer pushed after the sleep timer at the same time still wins (6.4 must_cancel)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const s = sleep(1);
        const waiter = createTask(
          coro('waiter', function* () {
            try {
              // The sleep's timer is pushed at step start; the deadline (same time) after it.
              yield* using(timeoutAt(1), function* () {
                yield s;
              });
              return 'finished';
            } catch (e) {
              return String(e);
            }
          })
        );
        return yield waiter;
      })
    );
    expect(report.value).toBe('TimeoutError');
  });

  it('an Event set in the deadline iteration still gives TimeoutError (6.4)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const ev = new Event();
        const loopTimer = createTask(
          coro('setter', function* () {
            yield sleep(1);
            ev.set();
          })
        );
        try {
          yield* using(timeout(1), function* () {
            yield ev.wait();
          });
          return 'finished';
        } catch (e) {
          yield loopTimer;
          return String(e);
        }
      })
    );
    expect(report.value).toBe('TimeoutError');
  });

  it('an outside cancel in the deadline iteration stays a CancelledError (6.3)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const t = createTask(
          coro('victim', function* () {
            yield* using(timeout(1), function* () {
              yield sleep(5);
            });
          })
        );
        yield sleep(0);
        // A plain timer callback pushed after the deadline timer: same iteration, right after it.
        (getRunningLoop() as EventLoop).callAt(1, () => t.cancel());
        try {
          yield t;
        } catch (e) {
          return String(e);
        }
      })
    );
    expect(report.value).toBe('CancelledError');
  });

  it('a body that swallows the cancel exits normally with expired() true (6.3)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        let t!: Timeout;
        yield* using(timeout(1), function* (tm) {
          t = tm;
          try {
            yield sleep(5);
          } catch {
            /* swallowed */
          }
        });
        return [t.expired(), now(), currentTask()!.cancelling()];
      })
    );
    expect(report.value).toEqual([true, 1, 0]);
  });

  it('with nested timeouts only the expired one converts (6.3)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const log: string[] = [];
        try {
          yield* using(timeout(10), function* (outer) {
            try {
              yield* using(timeout(1), function* () {
                yield sleep(5);
              });
            } catch (e) {
              log.push(`inner: ${e}, outer expired: ${outer.expired()}`);
            }
            yield sleep(20);
          });
        } catch (e) {
          log.push(`outer: ${e} at ${now()}`);
        }
        return log;
      })
    );
    expect(report.value).toEqual(['inner: TimeoutError, outer expired: false', 'outer: TimeoutError at 10']);
  });

  it('null never expires; reschedule moves the deadline; timeoutAt takes an absolute time', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const log: unknown[] = [];
        yield* using(timeout(null), function* (t) {
          yield sleep(100);
          log.push(t.when(), t.expired());
        });
        try {
          yield* using(timeout(1), function* (t) {
            t.reschedule(now() + 3);
            yield sleep(5);
          });
        } catch (e) {
          log.push(`${e} at ${now()}`);
        }
        try {
          yield* using(timeoutAt(now() + 0.5), function* () {
            yield sleep(1);
          });
        } catch (e) {
          log.push(`${e} at ${now()}`);
        }
        return log;
      })
    );
    expect(report.value).toEqual([null, false, 'TimeoutError at 103', 'TimeoutError at 103.5']);
  });

  it('rejects bad deadlines naming the value', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const errors: string[] = [];
        for (const f of [() => timeout(NaN), () => timeout(-1), () => timeoutAt('soon' as never)]) {
          try {
            f();
          } catch (e) {
            errors.push(String(e));
          }
        }
        return errors;
      })
    );
    expect(report.value).toEqual([
      'RangeError: timeout(): delay must be a finite number >= 0, got NaN',
      'RangeError: timeout(): delay must be a finite number >= 0, got -1',
      'TypeError: timeoutAt(): when must be a finite number, got "soon"'
    ]);
  });
});

describe('timeout around a TaskGroup', () => {
  it('the group cancels its children and the timeout turns the CancelledError into TimeoutError', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        try {
          yield* using(timeout(2), function* () {
            yield* using(new TaskGroup(), function* (tg) {
              tg.createTask(
                coro('child', function* () {
                  try {
                    yield sleep(10);
                  } catch (e) {
                    log.push(`child ${e} at ${now()}`);
                    throw e;
                  }
                })
              );
            });
          });
        } catch (e) {
          return [String(e), now(), currentTask()!.cancelling()];
        }
      })
    );
    expect(log).toEqual(['child CancelledError at 2']);
    expect(report.value).toEqual(['TimeoutError', 2, 0]);
  });
});
