import { describe, expect, it } from 'vitest';
import { CancelledError, createTask, Future, sleep } from '../../src/scheduler';
import { coro, runLines } from './helpers';

describe('Future', () => {
  it('result/exception/cancel follow asyncio, with CPython-like reprs', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const out: string[] = [];
        const f = new Future<number>();
        out.push(String(f), String(f.done()));
        try {
          f.exception();
        } catch (e) {
          out.push(String(e));
        }
        f.setException(new RangeError('bad'));
        out.push(String(f), String(f.exception()));
        try {
          f.result();
        } catch (e) {
          out.push(String(e));
        }
        const c = new Future<number>();
        out.push(String(c.cancel('why')), String(c.cancel()), String(c.cancelled()), String(c));
        try {
          c.result();
        } catch (e) {
          out.push(`${e instanceof CancelledError} ${e}`);
        }
        const r = new Future<number>();
        r.setResult(3);
        out.push(String(r), String(r.cancel()));
        return out;
      })
    );
    expect(report.value).toEqual([
      '<Future pending>',
      'false',
      'InvalidStateError: Exception is not set.',
      '<Future finished exception=RangeError: bad>',
      'RangeError: bad',
      'RangeError: bad',
      'true',
      'false',
      'true',
      '<Future cancelled>',
      'true CancelledError: why',
      '<Future finished result=3>',
      'false'
    ]);
  });

  it('callbacks run in registration order, next iteration; removeDoneCallback counts removals', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const f = new Future<string>();
        const log: string[] = [];
        const a = (): number => log.push('a');
        f.addDoneCallback(a);
        f.addDoneCallback(() => log.push('b'));
        f.addDoneCallback(a);
        const removed = f.removeDoneCallback(a);
        f.addDoneCallback(() => log.push('c'));
        f.setResult('x');
        log.push('set');
        yield sleep(0);
        f.addDoneCallback(() => log.push('late'));
        log.push('added late');
        yield sleep(0);
        return [removed, log];
      })
    );
    expect(report.value).toEqual([2, ['set', 'b', 'c', 'added late', 'late']]);
  });

  it('a task awaiting a future gets its exception and marks it retrieved', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const f = new Future<number>();
        const t = createTask(
          coro('waiter', function* () {
            return yield f;
          })
        );
        yield sleep(0);
        f.setException(new Error('failed future'));
        try {
          yield t;
        } catch (e) {
          return String(e);
        }
      })
    );
    expect(report.value).toBe('Error: failed future');
    expect(report.warnings).toEqual([]);
  });
});
