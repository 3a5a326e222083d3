import { describe, expect, it } from 'vitest';
import { asCompleted, createTask, sleep, now, TimeoutError, type Task } from '../../src/scheduler';
import { asyncFn, coro, eventsOf, runLines } from './helpers';

const work = asyncFn('work', function* (d: number, fail = false) {
  yield sleep(d);
  if (fail) throw new Error(`fail ${d}`);
  return d;
});

describe('asCompleted (§9.2)', () => {
  it('yields results in completion order; an exception is raised by its await', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const out: unknown[] = [];
        for (const next of asCompleted([work(3), work(1), work(2, true)])) {
          try {
            out.push(`${yield next} at ${now()}`);
          } catch (e) {
            out.push(`${e} at ${now()}`);
          }
        }
        return out;
      })
    );
    expect(report.value).toEqual(['1 at 1', 'Error: fail 2 at 2', '3 at 3']);
    const waits = eventsOf(report, 'suspended')
      .filter(e => e.task === 0)
      .map(e => `${e.on} ${e.label}`);
    expect(waits).toEqual(['future asCompleted#1.get()', 'future asCompleted#1.get()', 'future asCompleted#1.get()']);
  });

  it('after the timeout the remaining awaits raise TimeoutError and tasks keep running', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const slow = createTask(work(5)) as Task<number>;
        const out: string[] = [];
        for (const next of asCompleted([createTask(work(1)), slow], { timeout: 2 })) {
          try {
            out.push(String(yield next));
          } catch (e) {
            out.push(`${e instanceof TimeoutError} at ${now()}`);
          }
        }
        out.push(`slow cancelled: ${slow.cancelled()}`, `slow: ${yield slow} at ${now()}`);
        return out;
      })
    );
    expect(report.value).toEqual(['1', 'true at 2', 'slow cancelled: false', 'slow: 5 at 5']);
  });

  it('rejects a non-iterable and bad items at once', () => {
    expect(() => asCompleted(3 as never)).toThrow('asCompleted(): aws must be an iterable of Tasks/Futures, got 3');
    expect(() => asCompleted([1] as never)).toThrow('asCompleted(): item 1 must be a Task or Future, got 1');
  });
});
