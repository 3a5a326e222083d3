import { describe, expect, it } from 'vitest';
import {
  BudgetExceededError,
  CancelledError,
  createTask,
  DeadlockError,
  Event,
  Future,
  KeyboardInterrupt,
  Lock,
  run,
  sleep,
  startRun,
  now
} from '../../src/scheduler';
import { asyncFn, coro, eventsOf, print, runLines } from './helpers';

describe('startRun: reports', () => {
  it('reports main failing with its error and reason failed', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        yield sleep(1);
        throw new Error('boom');
      })
    );
    expect(report.status).toBe('error');
    expect(report.reason).toBe('failed');
    expect(String(report.error)).toBe('Error: boom');
    expect(report.warnings).toEqual([]);
    expect(eventsOf(report, 'run-end')).toEqual([
      { type: 'run-end', t: 1, steps: 2, reason: 'failed', message: 'Error: boom' }
    ]);
  });

  it('names a deadlock: every waiting task and what it waits on', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const lock = new Lock();
        yield lock.acquire();
        const ev = new Event();
        createTask(
          coro('locker', function* () {
            yield lock.acquire();
          })
        );
        createTask(
          coro('listener', function* () {
            yield ev.wait();
          })
        );
        const t = createTask(
          coro('waiter', function* () {
            yield new Future();
          })
        );
        yield t;
      })
    );
    expect(report.status).toBe('error');
    expect(report.reason).toBe('deadlock');
    expect(report.error).toBeInstanceOf(DeadlockError);
    expect((report.error as Error).message).toBe(
      'deadlock: every task is waiting and nothing can wake them up (no timer, no outside promise):\n' +
        "  task 'main' waits on task 'waiter'\n" +
        "  task 'locker' waits on Lock#1\n" +
        "  task 'listener' waits on Event#1\n" +
        "  task 'waiter' waits on Future#1\n" +
        'await graph:\n' +
        "main — waits on task 'waiter'\n" +
        '└── waiter — waits on Future#1\n' +
        'locker — waits on Lock#1\n' +
        'listener — waits on Event#1'
    );
    // Then every task is cancelled so its finally blocks run.
    expect(eventsOf(report, 'finished').map(e => e.outcome)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled'
    ]);
  });

  it('stops a task looping forever with the step budget, then cancels it', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const spinner = createTask(
          coro('spinner', function* () {
            for (;;) yield sleep(0);
          })
        );
        yield spinner;
      }),
      { maxSteps: 1000 }
    );
    expect(report.status).toBe('error');
    expect(report.reason).toBe('step-budget');
    expect(report.error).toBeInstanceOf(BudgetExceededError);
    expect((report.error as Error).message).toContain('step budget of 1000 steps (maxSteps)');
    expect(report.warnings).toEqual([
      "Task 'main' was still pending when the run finished; it was cancelled",
      "Task 'spinner' was still pending when the run finished; it was cancelled"
    ]);
  });

  it('stops at the virtual-time budget', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        yield sleep(500);
      }),
      { maxVirtualTime: 100 }
    );
    expect(report.reason).toBe('time-budget');
    expect((report.error as Error).message).toBe(
      'the run passed its virtual-time budget of 100 s (maxVirtualTime): the next timer is at 500 s'
    );
    expect(report.time).toBe(0);
  });

  it('cancels leftover tasks at the end, runs their cleanup, and names them', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        createTask(
          coro('background', function* () {
            try {
              yield sleep(100);
            } finally {
              yield sleep(1);
              log.push(`cleanup done at ${now()}`);
            }
          })
        );
        yield sleep(2);
        return 'main done';
      })
    );
    expect(report.status).toBe('ok');
    expect(report.value).toBe('main done');
    expect(log).toEqual(['cleanup done at 3']);
    expect(report.warnings).toEqual(["Task 'background' was still pending when the run finished; it was cancelled"]);
  });

  it('reports an exception raised during the shutdown of a leftover task', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        createTask(
          coro('bad', function* () {
            try {
              yield sleep(100);
            } finally {
              // eslint-disable-next-line no-unsafe-finally -- the scenario: a task whose cleanup raises
              throw new Error('cleanup failed');
            }
          })
        );
        yield sleep(0);
      })
    );
    expect(report.warnings).toEqual([
      "Task 'bad' was still pending when the run finished; it was cancelled",
      "unhandled exception during shutdown: task 'bad' raised Error: cleanup failed"
    ]);
  });

  it('reports never-awaited coroutines and never-retrieved task exceptions at the end', async () => {
    const work = asyncFn('work', function* () {
      yield sleep(1);
    });
    const { report } = await runLines(
      coro('main', function* () {
        work();
        createTask(
          coro('failing', function* () {
            throw new Error('lost');
          })
        );
        yield sleep(1);
      })
    );
    expect(report.status).toBe('ok');
    expect(report.warnings).toEqual([
      "RuntimeWarning: coroutine 'work' was never awaited",
      "Task exception was never retrieved: task 'failing' raised Error: lost"
    ]);
  });

  it('reports an exception thrown in a done callback and goes on', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const t = createTask(sleep(1));
        t.addDoneCallback(function brokenCallback() {
          throw new Error('in callback');
        });
        yield t;
        yield sleep(1);
        return now();
      })
    );
    expect(report.status).toBe('ok');
    expect(report.value).toBe(2);
    expect(report.warnings).toEqual(['Exception in callback brokenCallback(): Error: in callback']);
  });

  it('records prints with their task and forwards them to onOutput', async () => {
    const { lines, report } = await runLines(
      coro('main', function* () {
        print('from main');
        yield createTask(
          coro('child', function* () {
            yield sleep(1);
            print('from child');
          })
        );
      })
    );
    expect(lines).toEqual(['0: from main', '1: from child']);
    expect(eventsOf(report, 'print').map(e => [e.t, e.task, e.stream, e.text])).toEqual([
      [0, 0, 'stdout', 'from main\n'],
      [1, 1, 'stdout', 'from child\n']
    ]);
  });

  it('bounds the trace: a trace-truncated marker, later events dropped, run-end kept', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        for (let i = 0; i < 100; i++) yield sleep(1);
      }),
      { traceCap: 50 }
    );
    const events = report.trace.events;
    expect(report.trace.truncated).toBe(true);
    expect(events).toHaveLength(52);
    expect(events[50]).toMatchObject({ type: 'trace-truncated', dropped: 'events-after-cap', cap: 50 });
    expect(events[51]).toMatchObject({ type: 'run-end', reason: 'completed', t: 100 });
  });

  it('records nothing with trace: false', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        yield sleep(1);
      }),
      { trace: false }
    );
    expect(report.trace.events).toEqual([]);
    expect(report.status).toBe('ok');
  });

  it('rejects bad options naming them', () => {
    const main = coro('main', function* () {});
    expect(() => startRun(main, { clock: 'fast' as never })).toThrow(
      `startRun(): clock must be 'virtual' or 'real', got "fast"`
    );
    expect(() =>
      startRun(
        coro('m', function* () {}),
        { clock: 'virtual', maxSteps: 0 }
      )
    ).toThrow('startRun(): maxSteps must be an integer >= 1, got 0');
    expect(() => startRun(42 as never, { clock: 'virtual' })).toThrow('startRun(): main must be a coroutine, got 42');
  });
});

describe('outside waits, the real clock and interrupt', () => {
  it('awaits a native Promise for real without moving the virtual clock', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        yield sleep(1);
        const v = yield new Promise(resolve => setTimeout(() => resolve('outside'), 20));
        return [v, now()];
      })
    );
    expect(report.value).toEqual(['outside', 1]);
    expect(eventsOf(report, 'outside-wait-start')).toEqual([
      { type: 'outside-wait-start', t: 1, task: 0, label: 'Promise' }
    ]);
    expect(eventsOf(report, 'outside-wait-end')).toHaveLength(1);
    expect(eventsOf(report, 'suspended').at(-1)).toMatchObject({ on: 'outside', label: 'Promise' });
  });

  it('throws a rejected Promise into the task', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        try {
          yield Promise.reject(new Error('nope'));
        } catch (e) {
          return String(e);
        }
      })
    );
    expect(report.value).toBe('Error: nope');
  });

  it('sleeps for real on the real clock', async () => {
    const started = performance.now();
    const { report } = await runLines(
      coro('main', function* () {
        yield sleep(0.05);
        return now();
      }),
      { clock: 'real' }
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(report.value as number).toBeGreaterThanOrEqual(0.045);
    expect(report.trace.clock).toBe('real');
  });

  it('interrupt() cancels every task, runs finally blocks, and ends with status interrupted', async () => {
    const log: string[] = [];
    const handle = startRun(
      coro('main', function* () {
        createTask(
          coro('worker', function* () {
            try {
              yield new Promise(() => undefined);
            } finally {
              log.push('worker finally');
            }
          })
        );
        try {
          yield new Promise(() => undefined);
        } finally {
          log.push('main finally');
        }
      }),
      { clock: 'virtual' }
    );
    await new Promise(r => setTimeout(r, 10));
    handle.interrupt('stop');
    const report = await handle.done;
    expect(report.status).toBe('interrupted');
    expect(report.reason).toBe('interrupted');
    expect(report.error).toBeInstanceOf(KeyboardInterrupt);
    expect(log).toEqual(['main finally', 'worker finally']);
    expect(eventsOf(report, 'cancel-requested').map(e => [e.task, e.by, e.message])).toEqual([
      [0, null, 'stop'],
      [1, null, 'stop']
    ]);
  });

  it('a second interrupt() abandons tasks that refuse to finish', async () => {
    const handle = startRun(
      coro('main', function* () {
        for (;;) {
          try {
            yield new Promise(() => undefined);
          } catch {
            /* refuses */
          }
        }
      }),
      { clock: 'virtual' }
    );
    await new Promise(r => setTimeout(r, 5));
    handle.interrupt();
    await new Promise(r => setTimeout(r, 5));
    handle.interrupt();
    const report = await handle.done;
    expect(report.status).toBe('interrupted');
    expect(report.warnings).toContain("Task 'main' did not finish after being cancelled; it was abandoned");
  });
});

describe('run()', () => {
  it('outside a loop returns a Promise of the result', async () => {
    await expect(
      run(
        coro('main', function* () {
          yield sleep(10);
          return 'value';
        })
      )
    ).resolves.toBe('value');
    await expect(
      run(
        coro('main', function* () {
          throw new Error('bad');
        })
      )
    ).rejects.toThrow('bad');
  });

  it('in a cell, roots run one after another, each cleaning up its leftovers', async () => {
    const log: string[] = [];
    const first = asyncFn('first', function* () {
      createTask(
        coro('straggler', function* () {
          try {
            yield sleep(100);
          } finally {
            log.push(`straggler cancelled at ${now()}`);
          }
        })
      );
      yield sleep(2);
      log.push(`first done at ${now()}`);
      return 1;
    });
    const second = asyncFn('second', function* () {
      log.push(`second starts at ${now()}`);
      yield sleep(1);
      return 2;
    });
    const { report } = await runLines(
      coro('cell', function* () {
        const a = run(first()) as Future<number>;
        const b = run(second()) as Future<number>;
        log.push('cell body done');
        return [a, b];
      })
    );
    expect(log).toEqual(['cell body done', 'first done at 2', 'straggler cancelled at 2', 'second starts at 2']);
    const [a, b] = report.value as Future<number>[];
    expect([a.result(), b.result()]).toEqual([1, 2]);
    expect(report.time).toBe(3);
    expect(eventsOf(report, 'task-created').map(e => [e.name, e.role, e.parent])).toEqual([
      ['cell', 'cell', null],
      ['first', 'root', 0],
      ['straggler', 'task', 1],
      ['second', 'root', 0]
    ]);
    expect(report.warnings).toEqual(["Task 'straggler' was still pending when run(first) finished; it was cancelled"]);
  });

  it('in a cell, awaiting run() gives the result; a failing root nobody awaited fails the run', async () => {
    const { report } = await runLines(
      coro('cell', function* () {
        return yield run(
          coro('main', function* () {
            yield sleep(1);
            return 'r';
          })
        );
      })
    );
    expect(report.value).toBe('r');
    const failed = await runLines(
      coro('cell', function* () {
        run(
          coro('main', function* () {
            yield sleep(1);
            throw new Error('root failed');
          })
        );
      })
    );
    expect(failed.report.status).toBe('error');
    expect(String(failed.report.error)).toBe('Error: root failed');
  });

  it('rejects a non-coroutine', () => {
    expect(() => run((() => 1) as never)).toThrow(
      'run(): coro must be a coroutine (call the async function: pass f(), not f), got [Function anonymous]'
    );
  });
});

describe('errors from CancelledError main', () => {
  it('a cancelled main reports the CancelledError', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const me = createTask(
          coro('x', function* () {
            yield sleep(1);
          })
        );
        yield me;
        throw new CancelledError('self');
      })
    );
    expect(report.status).toBe('error');
    expect(String(report.error)).toBe('CancelledError: self');
  });
});

describe('objects kept across runs (top-level declarations persist across cells)', () => {
  it('a Future and an Event made in one run work in the next run', async () => {
    let kept: Future<string> | undefined;
    let ev: Event | undefined;
    await runLines(
      coro('cell1', function* () {
        kept = new Future<string>();
        ev = new Event();
        yield sleep(0);
      })
    );
    const { report } = await runLines(
      coro('cell2', function* () {
        const waiter = createTask(
          coro('waiter', function* () {
            return yield kept!;
          })
        );
        const listener = createTask(
          coro('listener', function* () {
            yield ev!.wait();
            return 'event';
          })
        );
        const calls: string[] = [];
        kept!.addDoneCallback(() => calls.push('callback'));
        yield sleep(1);
        kept!.setResult('from cell 2');
        ev!.set();
        return [yield waiter, yield listener, calls];
      })
    );
    expect(report.status).toBe('ok');
    expect(report.value).toEqual(['from cell 2', 'event', ['callback']]);
  });
});

describe('internal errors', () => {
  it('a failure inside the loop itself ends the run with that error instead of hanging', async () => {
    const { getRunningLoop } = await import('../../src/scheduler/loop-state');
    const { report } = await runLines(
      coro('main', function* () {
        getRunningLoop()!.schedule({
          runFromLoop() {
            throw new Error('scheduler bug');
          }
        });
        yield sleep(1);
      })
    );
    expect(report.status).toBe('error');
    expect(report.reason).toBe('failed');
    expect(String(report.error)).toBe('Error: scheduler bug');
    expect(report.warnings).toContain('internal scheduler error: Error: scheduler bug');
  });
});

describe('runtime hooks', () => {
  it('outsideWaitLimit throws the given error at the await of a Promise that does not settle', async () => {
    const inner = asyncFn('fetcher', function* () {
      yield new Promise(() => undefined);
    });
    const { report } = await runLines(
      coro('main', function* () {
        try {
          yield inner();
        } catch (e) {
          return String(e);
        }
      }),
      { outsideWaitLimit: { ms: 20, error: name => new Error(`too slow in ${name}`) } }
    );
    expect(report.value).toBe('Error: too slow in fetcher');
  });

  it('warningDetails carry the exception and the task of each report', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        createTask(
          coro('failing', function* () {
            throw new RangeError('lost');
          })
        );
        yield sleep(1);
      })
    );
    expect(report.warningDetails).toHaveLength(1);
    const [detail] = report.warningDetails;
    expect(detail.text).toBe("Task exception was never retrieved: task 'failing' raised RangeError: lost");
    expect(detail.error).toBeInstanceOf(RangeError);
    expect(detail.task).toBe(1);
  });
});

describe('run() inside a root', () => {
  it('raises like asyncio.run inside a running loop', async () => {
    const { report } = await runLines(
      coro('cell', function* () {
        return yield run(
          coro('main', function* () {
            const c = sleep(1);
            try {
              run(c);
            } catch (e) {
              yield c;
              return String(e);
            }
          })
        );
      })
    );
    expect(report.value).toBe(
      "RuntimeError: run() cannot be called from a running event loop (task 'main' runs inside run(main)); use await or createTask()"
    );
  });
});

describe('busy virtual runs let interrupts in', () => {
  it('a task spinning on sleep(0) can be interrupted (the driver yields to the host every 50 ms)', async () => {
    const handle = startRun(
      coro('main', function* () {
        for (;;) yield sleep(0);
      }),
      { clock: 'virtual', maxSteps: Number.MAX_SAFE_INTEGER, trace: false }
    );
    let settled = false;
    void handle.done.then(() => (settled = true));
    await new Promise(r => setTimeout(r, 120));
    expect(settled).toBe(false);
    handle.interrupt();
    const report = await handle.done;
    expect(report.status).toBe('interrupted');
    expect(report.steps).toBeGreaterThan(1000);
  });
});
