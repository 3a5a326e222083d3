import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  createTask,
  currentTask,
  Future,
  gather,
  InvalidStateError,
  RuntimeError,
  sleep,
  now,
  type Task
} from '../../src/scheduler';
import { asyncFn, coro, eventsOf, print, runLines } from './helpers';

describe('Task creation and stepping (rule 1)', () => {
  it('createTask only schedules: the task starts when the creator yields (1.1)', async () => {
    const child = asyncFn('child', function* () {
      print('child runs');
    });
    const { lines } = await runLines(
      coro('main', function* () {
        createTask(child());
        print('after createTask');
        yield sleep(0);
        print('after yield');
      })
    );
    expect(lines).toEqual(['0: after createTask', '0: child runs', '0: after yield']);
  });

  it('awaiting a done task does not suspend (1.3)', async () => {
    const order: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const t = createTask(
          coro('quick', function* () {
            return 5;
          })
        );
        yield sleep(0);
        const other = createTask(
          coro('other', function* () {
            order.push('other');
          })
        );
        order.push(`got ${yield t}`);
        order.push('still before other');
        yield other;
      })
    );
    expect(order).toEqual(['got 5', 'still before other', 'other']);
    expect(report.status).toBe('ok');
  });

  it('await coro() runs inline in the same task, and its early exception propagates (1.4)', async () => {
    const inner = asyncFn('inner', function* (fail: boolean) {
      if (fail) throw new Error('early');
      return currentTask()?.getName();
    });
    const { report } = await runLines(
      coro('main', function* () {
        const name = yield inner(false);
        try {
          yield inner(true);
        } catch (e) {
          return [name, (e as Error).message];
        }
      })
    );
    expect(report.value).toEqual(['main', 'early']);
    expect(eventsOf(report, 'task-created')).toHaveLength(1);
  });

  it('names tasks after their coroutine, numbered when repeated, Task-N without a name', async () => {
    const worker = asyncFn('worker', function* () {});
    const { report } = await runLines(
      coro('main', function* () {
        const ts = [
          createTask(worker()),
          createTask(worker()),
          createTask(worker(), { name: 'special' }),
          createTask(coro('', function* () {}))
        ];
        yield gather(...ts);
        return ts.map(t => t.getName());
      })
    );
    expect(report.value).toEqual(['worker', 'worker-2', 'special', 'Task-1']);
  });

  it('rejects reusing an awaited coroutine and a task awaiting itself', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const c = sleep(0);
        yield c;
        const errors: string[] = [];
        try {
          yield c;
        } catch (e) {
          errors.push(String(e));
        }
        const self = createTask(
          coro('selfish', function* () {
            yield currentTask();
          })
        );
        try {
          yield self;
        } catch (e) {
          errors.push(String(e));
        }
        return errors;
      })
    );
    expect(report.value).toEqual([
      'RuntimeError: cannot reuse already awaited coroutine <coroutine object sleep>',
      "RuntimeError: Task cannot await on itself: <Task pending name='selfish' coro=<coroutine object selfish>>"
    ]);
  });

  it('Task.setResult and result() before done raise', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const t = createTask(sleep(1));
        const errors: unknown[] = [];
        try {
          t.setResult(undefined);
        } catch (e) {
          errors.push(e);
        }
        try {
          t.result();
        } catch (e) {
          errors.push(e);
        }
        yield t;
        return errors;
      })
    );
    const [a, b] = report.value as unknown[];
    expect(a).toBeInstanceOf(RuntimeError);
    expect(b).toBeInstanceOf(InvalidStateError);
    expect(String(b)).toBe('InvalidStateError: Result is not ready.');
  });
});

describe('Task cancellation (rule 3)', () => {
  it('cancel() returns true on every call while pending and counts requests (3.1)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const t = createTask(sleep(10));
        yield sleep(0);
        const calls = [t.cancel(), t.cancel(), t.cancelling()];
        try {
          yield t;
        } catch (e) {
          calls.push(e instanceof CancelledError);
        }
        calls.push(t.cancel(), t.cancelled());
        return calls;
      })
    );
    expect(report.value).toEqual([true, true, 2, true, false, true]);
  });

  it('never cancels synchronously: cancelled() is false until the error leaves the coroutine (3.2)', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const t: Task<unknown> = createTask(
          coro('worker', function* () {
            try {
              yield sleep(10);
            } finally {
              log.push(`finally at ${now()}, cancelled()=${t.cancelled()}`);
              yield sleep(2);
              log.push(`cleanup done at ${now()}`);
            }
          })
        );
        yield sleep(1);
        t.cancel();
        log.push(`after cancel: cancelled()=${t.cancelled()}`);
        try {
          yield t;
        } catch (e) {
          log.push(`main got ${e} at ${now()}`);
        }
        return t.cancelled();
      })
    );
    expect(log).toEqual([
      'after cancel: cancelled()=false',
      'finally at 1, cancelled()=false',
      'cleanup done at 3',
      'main got CancelledError at 3'
    ]);
    expect(report.value).toBe(true);
  });

  it('a task cancelled before its first step runs none of its body (3.3)', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const t = createTask(
          coro('never', function* () {
            log.push('body ran');
          })
        );
        t.cancel();
        try {
          yield t;
        } catch (e) {
          log.push(String(e));
        }
        return t.cancelled();
      })
    );
    expect(log).toEqual(['CancelledError']);
    expect(report.value).toBe(true);
  });

  it('a task may catch CancelledError and return; cancelling() stays until uncancel (3.4)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const t: Task<string> = createTask(
          coro('stubborn', function* () {
            try {
              yield sleep(5);
            } catch (e) {
              if (!(e instanceof CancelledError)) throw e;
            }
            const c = currentTask()!;
            const before = c.cancelling();
            const after = c.uncancel();
            return `swallowed ${before} ${after}`;
          })
        );
        yield sleep(1);
        t.cancel();
        return [yield t, t.cancelled()];
      })
    );
    expect(report.value).toEqual(['swallowed 1 0', false]);
  });

  it('cancel(msg) reaches the coroutine; the awaiter gets the same object once (3.5)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        let inside: unknown;
        const t = createTask(
          coro('worker', function* () {
            try {
              yield sleep(5);
            } catch (e) {
              inside = e;
              throw e;
            }
          })
        );
        yield sleep(0);
        t.cancel('stop now');
        let outside: unknown;
        try {
          yield t;
        } catch (e) {
          outside = e;
        }
        let second: unknown;
        try {
          t.result();
        } catch (e) {
          second = e;
        }
        return [String(inside), inside === outside, String(second), second === outside];
      })
    );
    expect(report.value).toEqual(['CancelledError: stop now', true, 'CancelledError', false]);
  });

  it('another exception raised while handling the cancel finishes the task with it (3.6)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const t = createTask(
          coro('worker', function* () {
            try {
              yield sleep(5);
            } finally {
              // eslint-disable-next-line no-unsafe-finally -- the scenario: a task whose cleanup raises
              throw new Error('in finally');
            }
          })
        );
        yield sleep(0);
        t.cancel();
        try {
          yield t;
        } catch (e) {
          return [String(e), t.cancelled()];
        }
      })
    );
    expect(report.value).toEqual(['Error: in finally', false]);
  });

  it('cancelling a finished task returns false and keeps its result (3.7)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const t = createTask(
          coro('quick', function* () {
            return 'ok';
          })
        );
        yield t;
        return [t.cancel(), t.result()];
      })
    );
    expect(report.value).toEqual([false, 'ok']);
  });

  it('cancelling a task that awaits a task cancels that task too', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const inner = createTask(
          coro('inner', function* () {
            try {
              yield sleep(10);
            } catch (e) {
              log.push(`inner: ${e}`);
              throw e;
            }
          })
        );
        const outer = createTask(
          coro('outer', function* () {
            yield inner;
          })
        );
        yield sleep(1);
        outer.cancel('from main');
        try {
          yield outer;
        } catch (e) {
          log.push(`outer: ${e}`);
        }
        return [inner.cancelled(), outer.cancelled()];
      })
    );
    expect(log).toEqual(['inner: CancelledError: from main', 'outer: CancelledError: from main']);
    expect(report.value).toEqual([true, true]);
  });

  it('cancelling a task that awaits a gather cancels every unfinished child', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const a = createTask(sleep(5));
        const b = createTask(sleep(1));
        const c = createTask(sleep(10));
        const outer = createTask(
          coro('outer', function* () {
            yield gather(a, b, c);
          })
        );
        yield sleep(2);
        outer.cancel();
        try {
          yield outer;
        } catch {
          /* cancelled */
        }
        return [a.cancelled(), b.cancelled(), c.cancelled(), now()];
      })
    );
    expect(report.value).toEqual([true, false, true, 2]);
  });

  it('a task that cancels itself gets the error at its next await', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const t = createTask(
          coro('self', function* () {
            currentTask()!.cancel();
            try {
              yield sleep(1);
            } catch (e) {
              return `caught ${e} at ${now()}`;
            }
          })
        );
        return yield t;
      })
    );
    expect(report.value).toBe('caught CancelledError at 0');
  });

  it('a cancel that lands when the awaited future is already done still cancels (must_cancel)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const f = new Future<string>();
        const t = createTask(
          coro('waiter', function* () {
            return yield f;
          })
        );
        yield sleep(0);
        f.setResult('value');
        t.cancel();
        try {
          yield t;
        } catch (e) {
          return String(e);
        }
      })
    );
    expect(report.value).toBe('CancelledError');
    expect(eventsOf(report, 'cancel-requested')).toEqual([
      { type: 'cancel-requested', t: 0, task: 1, by: 0, cause: 'explicit' }
    ]);
  });
});
