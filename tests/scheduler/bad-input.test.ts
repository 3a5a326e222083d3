import { describe, expect, it } from 'vitest';
import {
  createTask,
  Future,
  gather,
  sleep,
  Queue,
  Semaphore,
  wait,
  waitFor,
  shield,
  allTasks,
  now
} from '../../src/scheduler';
import { asyncFn, coro, eventsOf, runLines } from './helpers';

/** Runs `fn` inside a task and returns the error text it throws. */
async function errorOf(fn: () => unknown): Promise<string> {
  const { report } = await runLines(
    coro('main', function* () {
      try {
        fn();
      } catch (e) {
        return String(e);
      }
      return 'no error';
    })
  );
  return report.value as string;
}

describe('bad input: immediate, clear errors naming the argument and the value', () => {
  it('sleep', async () => {
    expect(await errorOf(() => sleep(NaN))).toBe('RangeError: sleep(): delay must be a finite number >= 0, got NaN');
    expect(await errorOf(() => sleep(Infinity))).toBe(
      'RangeError: sleep(): delay must be a finite number >= 0, got Infinity'
    );
    expect(await errorOf(() => sleep('1' as never))).toBe(
      'TypeError: sleep(): delay must be a finite number >= 0, got "1"'
    );
  });

  it('createTask of a non-coroutine, of the function itself, with a bad name', async () => {
    const work = asyncFn('work', function* () {});
    expect(await errorOf(() => createTask(5 as never))).toBe(
      'TypeError: createTask(): coro must be a coroutine, got 5'
    );
    expect(await errorOf(() => createTask(work as never))).toBe(
      'TypeError: createTask(): coro must be a coroutine (call the async function: pass f(), not f), got [Function anonymous]'
    );
    expect(await errorOf(() => createTask(sleep(1), { name: 7 as never }))).toBe(
      'TypeError: createTask(): name must be a string, got 7'
    );
    expect(await errorOf(() => createTask(sleep(1), 'x' as never))).toBe(
      'TypeError: createTask(): options must be an object, got "x"'
    );
  });

  it('createTask outside a loop says so', () => {
    expect(() => createTask(sleep(1))).toThrow('createTask(): no running event loop');
  });

  it('a failed createTask leaves nothing half-created in the loop', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const before = allTasks().size;
        try {
          createTask(sleep(1), { name: 3 as never });
        } catch {
          /* expected */
        }
        const after = allTasks().size;
        yield sleep(0);
        return [before, after, now()];
      })
    );
    expect(report.value).toEqual([1, 1, 0]);
    expect(eventsOf(report, 'task-created')).toHaveLength(1);
  });

  it('gather, wait, waitFor, shield', async () => {
    expect(await errorOf(() => gather(sleep(0), null as never))).toBe(
      'TypeError: gather(): argument 2 must be a coroutine, Task or Future, got null'
    );
    expect(await errorOf(() => wait([]))).toBe(
      'ValueError: wait(): aws must not be empty (Set of Tasks/Futures is empty.)'
    );
    expect(await errorOf(() => waitFor('x' as never, 1))).toBe(
      'TypeError: waitFor(): aw must be a coroutine, Task or Future, got "x"'
    );
    expect(await errorOf(() => shield({} as never))).toBe(
      'TypeError: shield(): aw must be a coroutine, Task or Future, got {}'
    );
  });

  it('primitives and futures', async () => {
    expect(await errorOf(() => new Semaphore(-1))).toBe(
      'RangeError: Semaphore(): value must be an integer >= 0, got -1'
    );
    expect(await errorOf(() => new Queue(1.5))).toBe(
      'TypeError: Queue(): maxsize must be an integer (0 or less: unbounded), got 1.5'
    );
    expect(await errorOf(() => new Future().addDoneCallback('cb' as never))).toBe(
      'TypeError: addDoneCallback(): callback must be a function, got "cb"'
    );
    expect(await errorOf(() => new Future().cancel(42 as never))).toBe(
      'TypeError: cancel(): msg must be a string or undefined, got 42'
    );
    expect(
      await errorOf(() => {
        const f = new Future();
        f.setResult(1);
        f.setResult(2);
      })
    ).toBe('InvalidStateError: FINISHED: <Future finished result=1>');
  });
});
