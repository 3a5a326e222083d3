import { describe, expect, it } from 'vitest';
import { CancelledError, createTask, currentTask, Future, gather, sleep, now } from '../../src/scheduler';
import { asyncFn, coro, eventsOf, runLines } from './helpers';

const work = asyncFn('work', function* (delay: number, value: unknown, fail = false) {
  yield sleep(delay);
  if (fail) throw new Error(String(value));
  return value;
});

describe('gather (rule 4)', () => {
  it('with no arguments is already done and does not yield (4.1)', async () => {
    const order: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const other = createTask(
          coro('other', function* () {
            order.push('other');
          })
        );
        const g = gather();
        order.push(`done=${g.done()}`);
        order.push(`result=${JSON.stringify(yield g)}`);
        yield other;
      })
    );
    expect(order).toEqual(['done=true', 'result=[]', 'other']);
    expect(report.status).toBe('ok');
  });

  it('makes tasks in argument order, dedups repeated arguments, returns argument order (4.2, 4.3)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const t = createTask(work(1, 't'));
        return yield gather(work(3, 'a'), t, work(2, 'b'), t);
      })
    );
    expect(report.value).toEqual(['a', 't', 'b', 't']);
    const created = eventsOf(report, 'task-created');
    expect(created.map(e => [e.name, e.group])).toEqual([
      ['main', undefined],
      ['work', undefined],
      ['work-2', 'gather#1'],
      ['work-3', 'gather#1']
    ]);
    expect(report.time).toBe(3);
  });

  it('raises the first exception at once and does not cancel the others (4.4)', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const slow = createTask(work(5, 'slow'));
        const g = gather(work(1, 'boom', true), slow, work(2, 'late-fail', true));
        try {
          yield g;
        } catch (e) {
          log.push(`${now()}: ${e}`);
        }
        log.push(`cancel after done: ${g.cancel()}`);
        log.push(`slow: ${yield slow} at ${now()}`);
        yield sleep(0);
      })
    );
    expect(log).toEqual(['1: Error: boom', 'cancel after done: false', 'slow: slow at 5']);
    // The later failure is retrieved by gather itself: no "never retrieved" report.
    expect(report.warnings).toEqual([]);
  });

  it('puts exceptions in the list with returnExceptions (4.5)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const r = (yield gather([work(2, 'x', true), work(1, 'ok')], { returnExceptions: true })) as unknown[];
        return [String(r[0]), r[1], now()];
      })
    );
    expect(report.value).toEqual(['Error: x', 'ok', 2]);
  });

  it('accepts returnExceptions as the last variadic argument', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const r = (yield gather(work(1, 'e', true), work(1, 'ok'), { returnExceptions: true })) as unknown[];
        return r.map(String);
      })
    );
    expect(report.value).toEqual(['Error: e', 'ok']);
  });

  it('cancelling the gather cancels the children and raises CancelledError even with returnExceptions (4.6)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const swallow = createTask(
          coro('swallow', function* () {
            try {
              yield sleep(5);
            } catch {
              return 'swallowed';
            }
          })
        );
        const other = createTask(sleep(5));
        const g = gather([swallow, other], { returnExceptions: true });
        yield sleep(1);
        const accepted = g.cancel('stop');
        let error: unknown;
        try {
          yield g;
        } catch (e) {
          error = e;
        }
        return [accepted, error instanceof CancelledError, g.cancelled(), other.cancelled(), swallow.result()];
      })
    );
    expect(report.value).toEqual([true, true, false, true, 'swallowed']);
  });

  it('a child cancelled on its own makes the awaiter get CancelledError; siblings go on (4.7)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const a = createTask(sleep(1));
        const b = createTask(work(3, 'b'));
        const g = gather(a, b);
        yield sleep(0);
        a.cancel();
        let got = '';
        try {
          yield g;
        } catch (e) {
          got = String(e);
        }
        return [got, g.cancelled(), currentTask()!.cancelling(), yield b, now()];
      })
    );
    expect(report.value).toEqual(['CancelledError', false, 0, 'b', 3]);
  });

  it('suspends at least one iteration for already-done children (4.8)', async () => {
    const order: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const f = new Future<number>();
        f.setResult(1);
        const other = createTask(
          coro('other', function* () {
            order.push('other ran');
          })
        );
        order.push(`gather: ${JSON.stringify(yield gather(f))}`);
        yield other;
      })
    );
    expect(order).toEqual(['other ran', 'gather: [1]']);
    expect(report.status).toBe('ok');
  });

  it('rejects a non-awaitable argument at once, creating nothing', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const before = (yield sleep(0), 0);
        try {
          gather(work(1, 'a'), 5 as never);
        } catch (e) {
          return [String(e), before];
        }
      })
    );
    expect(report.value).toEqual(['TypeError: gather(): argument 2 must be a coroutine, Task or Future, got 5', 0]);
    expect(eventsOf(report, 'task-created')).toHaveLength(1);
    // The coroutine made for argument 1 was never awaited: reported, not silently lost.
    expect(report.warnings).toEqual(["RuntimeWarning: coroutine 'work' was never awaited"]);
  });
});

describe('gather in the trace', () => {
  it('lists the unfinished tasks it waits for once each, in argument order', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const a = createTask(work(2, 'a'));
        const b = createTask(work(1, 'b'));
        yield gather(b, a, b, work(3, 'c'));
      })
    );
    const waits = eventsOf(report, 'suspended').filter(e => e.task === 0);
    expect(waits.map(e => [e.on, e.label, e.targets])).toEqual([['gather', 'gather#1', [2, 1, 3]]]);
  });
});
