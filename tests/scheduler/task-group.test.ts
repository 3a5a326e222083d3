import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  createTask,
  currentTask,
  ExceptionGroup,
  gather,
  sleep,
  now,
  TaskGroup,
  type Task
} from '../../src/scheduler';
import { asyncFn, coro, eventsOf, runLines, using } from './helpers';

const work = asyncFn('work', function* (log: string[], name: string, delay: number, fail = false) {
  try {
    yield sleep(delay);
  } catch (e) {
    log.push(`${name} ${e instanceof CancelledError ? 'cancelled' : 'error'} at ${now()}`);
    throw e;
  }
  if (fail) throw new Error(name);
  log.push(`${name} done at ${now()}`);
  return name;
});

describe('TaskGroup (rule 5)', () => {
  it('waits for every child and names them in the trace with the group', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        let tasks: Task<string>[] = [];
        yield* using(new TaskGroup(), function* (tg) {
          tasks = [tg.createTask(work(log, 'a', 2)), tg.createTask(work(log, 'b', 1), { name: 'bee' })];
        });
        return [now(), tasks.map(t => t.result())];
      })
    );
    expect(report.value).toEqual([2, ['a', 'b']]);
    expect(log).toEqual(['b done at 1', 'a done at 2']);
    expect(eventsOf(report, 'task-created').map(e => [e.name, e.group])).toEqual([
      ['main', undefined],
      ['work', 'TaskGroup#1'],
      ['bee', 'TaskGroup#1']
    ]);
    expect(
      eventsOf(report, 'suspended')
        .filter(e => e.task === 0)
        .map(e => [e.on, e.label, e.targets])
    ).toEqual([['taskgroup', 'TaskGroup#1', [1, 2]]]);
  });

  it('createTask before entering, while shutting down and after exit raise CPython messages (5.1)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const messages: string[] = [];
        const tg = new TaskGroup();
        try {
          tg.createTask(sleep(1));
        } catch (e) {
          messages.push(String(e));
        }
        try {
          yield* using(tg, function* (g) {
            g.createTask(
              coro('failing', function* () {
                throw new Error('boom');
              })
            );
            try {
              yield sleep(5);
            } catch (e) {
              try {
                g.createTask(sleep(1));
              } catch (e2) {
                messages.push(String(e2));
              }
              throw e;
            }
          });
        } catch (e) {
          messages.push(String(e));
        }
        try {
          tg.createTask(sleep(1));
        } catch (e) {
          messages.push(String(e));
        }
        return messages;
      })
    );
    expect(report.value).toEqual([
      'RuntimeError: TaskGroup <TaskGroup> has not been entered',
      'RuntimeError: TaskGroup <TaskGroup errors=1 cancelling> is shutting down',
      'ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)',
      'RuntimeError: TaskGroup <TaskGroup cancelling> is finished'
    ]);
    expect(report.warnings).toEqual([
      "RuntimeWarning: coroutine 'sleep' was never awaited",
      "RuntimeWarning: coroutine 'sleep' was never awaited",
      "RuntimeWarning: coroutine 'sleep' was never awaited"
    ]);
  });

  it('a failing child cancels its siblings and the body; errors in completion order (5.2, 5.3)', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        try {
          yield* using(new TaskGroup(), function* (tg) {
            tg.createTask(work(log, 'slow', 10));
            tg.createTask(work(log, 'f2', 1, true));
            tg.createTask(work(log, 'f1', 1, true));
            try {
              yield sleep(20);
            } catch (e) {
              log.push(`body ${e} at ${now()}`);
              throw e;
            }
          });
        } catch (e) {
          const eg = e as ExceptionGroup;
          return [
            eg instanceof ExceptionGroup,
            eg.message,
            eg.exceptions.map(String),
            currentTask()!.cancelling(),
            now()
          ];
        }
      })
    );
    expect(log).toEqual(['slow cancelled at 1', 'body CancelledError at 1']);
    expect(report.value).toEqual([
      true,
      'unhandled errors in a TaskGroup (2 sub-exceptions)',
      ['Error: f2', 'Error: f1'],
      0,
      1
    ]);
  });

  it("appends the body's own exception last and waits for children's cleanup (5.3)", async () => {
    const { report } = await runLines(
      coro('main', function* () {
        try {
          yield* using(new TaskGroup(), function* (tg) {
            tg.createTask(
              coro('child', function* () {
                try {
                  yield sleep(10);
                } finally {
                  yield sleep(2);
                  // eslint-disable-next-line no-unsafe-finally -- the scenario: a task whose cleanup raises
                  throw new Error('child cleanup');
                }
              })
            );
            yield sleep(1);
            throw new Error('body');
          });
        } catch (e) {
          return [(e as ExceptionGroup).exceptions.map(String), now()];
        }
      })
    );
    expect(report.value).toEqual([['Error: child cleanup', 'Error: body'], 3]);
  });

  it('a parent cancelled from outside gets a plain CancelledError (5.3) and children are cancelled', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const parent = createTask(
          coro('parent', function* () {
            yield* using(new TaskGroup(), function* (tg) {
              tg.createTask(work(log, 'child', 10));
              yield sleep(10);
            });
          })
        );
        yield sleep(1);
        parent.cancel();
        try {
          yield parent;
        } catch (e) {
          return [String(e), e instanceof ExceptionGroup];
        }
      })
    );
    expect(report.value).toEqual(['CancelledError', false]);
    expect(log).toEqual(['child cancelled at 1']);
  });

  it('a child cancelled from outside is not an error (5.4)', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        yield* using(new TaskGroup(), function* (tg) {
          const a = tg.createTask(work(log, 'a', 5));
          tg.createTask(work(log, 'b', 2));
          yield sleep(1);
          a.cancel();
        });
        return now();
      })
    );
    expect(report.value).toBe(2);
    expect(log).toEqual(['a cancelled at 1', 'b done at 2']);
  });

  it('still raises the ExceptionGroup when the body swallows the cancel (5.5)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        try {
          yield* using(new TaskGroup(), function* (tg) {
            tg.createTask(
              coro('boom', function* () {
                yield sleep(1);
                throw new Error('boom');
              })
            );
            try {
              yield sleep(5);
            } catch {
              /* swallowed */
            }
            yield sleep(1);
          });
        } catch (e) {
          return [String(e), now()];
        }
      })
    );
    expect(report.value).toEqual(['ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)', 2]);
  });

  it("a gather inside a child: the gather's other tasks outlive the group (5.6)", async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        let outsider: Task<unknown> | undefined;
        try {
          yield* using(new TaskGroup(), function* (tg) {
            tg.createTask(
              coro('child', function* () {
                outsider = createTask(work(log, 'outsider', 3));
                yield gather(outsider, work(log, 'fails', 1, true));
              })
            );
          });
        } catch (e) {
          log.push(`${String(e)} at ${now()}`);
        }
        yield outsider;
      })
    );
    expect(log).toEqual([
      'ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception) at 1',
      'outsider done at 3'
    ]);
    expect(report.status).toBe('ok');
  });

  it('entering twice and entering outside a task raise', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const tg = new TaskGroup();
        yield* using(tg, function* () {});
        try {
          yield* using(tg, function* () {});
        } catch (e) {
          return String(e);
        }
      })
    );
    expect(report.value).toBe('RuntimeError: TaskGroup <TaskGroup entered> has been already entered');
  });
});
