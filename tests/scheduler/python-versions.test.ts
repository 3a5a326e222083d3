// What each asyncio version changes in the scheduler, beyond the CPython reference scenarios.
import { describe, expect, it } from 'vitest';
import {
  createTask,
  getTaskFactory,
  eagerTaskFactory,
  Queue,
  setTaskFactory,
  sleep,
  startRun,
  TaskGroup,
  waitFor,
  asCompleted
} from '../../src/scheduler';
import { coro } from './helpers';
import type { PythonVersion } from '../../src/scheduler/python-version';
import type { Coroutine } from '../../src/scheduler';

async function runWith<T>(python: PythonVersion, main: Coroutine<T>) {
  return startRun(main, { clock: 'virtual', python }).done;
}

describe('asyncio versions in the scheduler', () => {
  it('refuses an unknown version, naming the allowed ones', () => {
    expect(() =>
      startRun(
        coro('m', function* () {}),
        { clock: 'virtual', python: '3.10' as never }
      )
    ).toThrow('startRun(): python must be one of 3.11, 3.12, 3.13, got "3.10"');
  });

  it('eagerTaskFactory is refused under 3.11 with a message that says how to choose 3.12', async () => {
    const report = await runWith(
      '3.11',
      coro('m', function* () {
        setTaskFactory(eagerTaskFactory);
      })
    );
    expect(report.status).toBe('error');
    expect(String(report.error)).toContain(
      'eagerTaskFactory is new in Python 3.12; this cell follows Python 3.11 asyncio'
    );
    expect(String(report.error)).toContain('// @coroutine-cells python=3.12');
  });

  it('createTask(coro, { eagerStart }) is refused: that is 3.14', async () => {
    const report = await runWith(
      '3.13',
      coro('m', function* () {
        createTask(
          coro('x', function* () {}),
          { eagerStart: true } as never
        );
      })
    );
    expect(String(report.error)).toContain('eagerStart is new in Python 3.14');
  });

  it('an eager task runs its first step inside createTask; the trace shows it between two steps of its creator', async () => {
    const order: string[] = [];
    const report = await runWith(
      '3.12',
      coro('main', function* () {
        setTaskFactory(eagerTaskFactory);
        expect(getTaskFactory()).toBe(eagerTaskFactory);
        const t = createTask(
          coro('child', function* () {
            order.push('child');
            yield sleep(1);
          })
        );
        order.push('main');
        yield t;
      })
    );
    expect(report.status).toBe('ok');
    expect(order).toEqual(['child', 'main']);
    const steps = report.trace.events
      .filter(e => e.type === 'step-start' || e.type === 'step-end')
      .slice(0, 5)
      .map(e => `${e.type} ${e.task}`);
    expect(steps).toEqual(['step-start 0', 'step-end 0', 'step-start 1', 'step-end 1', 'step-start 0']);
  });

  it('Queue.shutdown() needs 3.13', async () => {
    const report = await runWith(
      '3.12',
      coro('m', function* () {
        new Queue().shutdown();
      })
    );
    expect(String(report.error)).toContain('Queue.shutdown() is new in Python 3.13');
  });

  it('for await over asCompleted() needs 3.13; 3.13 yields the original tasks', async () => {
    const make = () =>
      coro('m', function* () {
        const t = createTask(
          coro('a', function* () {
            yield sleep(1);
            return 1;
          })
        );
        const it = asCompleted([t])[Symbol.asyncIterator]();
        const r = (yield it.next()) as IteratorResult<unknown>;
        return r.value === t;
      });
    const old = await runWith('3.12', make());
    expect(String(old.error)).toContain('for await over asCompleted() is new in Python 3.13');
    const now = await runWith('3.13', make());
    expect(now.value).toBe(true);
  });

  it('3.13 closes a coroutine a finished TaskGroup refuses; 3.11 reports it never awaited', async () => {
    const make = () =>
      coro('m', function* () {
        const tg = new TaskGroup();
        yield sleep(0);
        try {
          tg.createTask(coro('job', function* () {}));
        } catch (e) {
          return String(e);
        }
      });
    const r11 = await runWith('3.11', make());
    expect(r11.value).toContain('has not been entered');
    expect(r11.warnings).toContain("RuntimeWarning: coroutine 'job' was never awaited");
    const r13 = await runWith('3.13', make());
    expect(r13.value).toContain('has not been entered');
    expect(r13.warnings).not.toContain("RuntimeWarning: coroutine 'job' was never awaited");
  });

  it('3.12 waitFor runs a coroutine in the caller (no inner task); 3.11 wraps it in a task', async () => {
    const make = () =>
      coro('m', function* () {
        return yield waitFor(
          coro('inner', function* () {
            yield sleep(1);
            return 'ok';
          }),
          5
        );
      });
    const tasks = (r: { trace: { events: { type: string }[] } }) =>
      r.trace.events.filter(e => e.type === 'task-created').length;
    const r11 = await runWith('3.11', make());
    const r12 = await runWith('3.12', make());
    expect([r11.value, r12.value]).toEqual(['ok', 'ok']);
    expect(tasks(r11)).toBe(2);
    expect(tasks(r12)).toBe(1);
  });
});
