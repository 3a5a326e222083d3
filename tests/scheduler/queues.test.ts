import { describe, expect, it } from 'vitest';
import {
  createTask,
  LifoQueue,
  PriorityQueue,
  Queue,
  QueueEmpty,
  QueueFull,
  sleep,
  now,
  ValueError
} from '../../src/scheduler';
import { asyncFn, coro, eventsOf, runLines } from './helpers';

describe('Queue (§10)', () => {
  it('producer/consumer with a bounded queue: put waits while full, join waits for taskDone', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const q = new Queue<number>(2);
        const consumer = asyncFn('consumer', function* () {
          for (;;) {
            const item = yield q.get();
            yield sleep(1);
            log.push(`consumed ${item} at ${now()}`);
            q.taskDone();
          }
        });
        const c = createTask(consumer());
        for (let i = 1; i <= 4; i++) {
          yield q.put(i);
          log.push(`put ${i} at ${now()}`);
        }
        yield q.join();
        log.push(`joined at ${now()}`);
        c.cancel();
        try {
          yield c;
        } catch {
          /* cancelled */
        }
        return q.qsize();
      })
    );
    expect(log).toEqual([
      'put 1 at 0',
      'put 2 at 0',
      'put 3 at 0',
      'consumed 1 at 1',
      'put 4 at 1',
      'consumed 2 at 2',
      'consumed 3 at 3',
      'consumed 4 at 4',
      'joined at 4'
    ]);
    expect(report.value).toBe(0);
    const labels = new Set(
      eventsOf(report, 'suspended')
        .filter(e => e.on === 'queue')
        .map(e => e.label)
    );
    expect([...labels].sort()).toEqual(['Queue#1.get()', 'Queue#1.join()', 'Queue#1.put()']);
  });

  it('getters are served FIFO', async () => {
    const log: string[] = [];
    await runLines(
      coro('main', function* () {
        const q = new Queue<string>();
        const getter = asyncFn('getter', function* (name: string) {
          log.push(`${name} got ${yield q.get()}`);
        });
        const ts = [createTask(getter('a')), createTask(getter('b'))];
        yield sleep(0);
        q.putNowait('x');
        q.putNowait('y');
        for (const t of ts) yield t;
      })
    );
    expect(log).toEqual(['a got x', 'b got y']);
  });

  it('nowait variants raise QueueEmpty/QueueFull; taskDone too often raises ValueError', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const q = new Queue(1);
        const errors: string[] = [];
        try {
          q.getNowait();
        } catch (e) {
          errors.push(`${e instanceof QueueEmpty} ${(e as Error).name}`);
        }
        q.putNowait(1);
        try {
          q.putNowait(2);
        } catch (e) {
          errors.push(`${e instanceof QueueFull} ${(e as Error).name}`);
        }
        q.getNowait();
        q.taskDone();
        try {
          q.taskDone();
        } catch (e) {
          errors.push(`${e instanceof ValueError} ${e}`);
        }
        return [errors, q.full(), q.empty(), String(q)];
      })
    );
    expect(report.value).toEqual([
      ['true QueueEmpty', 'true QueueFull', 'true ValueError: task_done() called too many times'],
      false,
      true,
      '<Queue maxsize=1 qsize=0>'
    ]);
  });

  it('PriorityQueue gives the smallest first (tuples as arrays); LifoQueue the last', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const pq = new PriorityQueue<[number, string]>();
        for (const item of [
          [3, 'c'],
          [1, 'b'],
          [2, 'z'],
          [1, 'a']
        ] as [number, string][])
          pq.putNowait(item);
        const fromPq: string[] = [];
        while (!pq.empty()) fromPq.push(pq.getNowait().join(''));
        const lq = new LifoQueue<number>();
        [1, 2, 3].forEach(i => lq.putNowait(i));
        const fromLq = [lq.getNowait(), lq.getNowait(), lq.getNowait()];
        let error = '';
        try {
          new PriorityQueue<unknown>().putNowait({});
          const p = new PriorityQueue<unknown>();
          p.putNowait(1);
          p.putNowait({});
        } catch (e) {
          error = (e as Error).name;
        }
        return [fromPq, fromLq, error];
      })
    );
    expect(report.value).toEqual([['1a', '1b', '2z', '3c'], [3, 2, 1], 'TypeError']);
  });

  it('a cancelled getter does not swallow an item', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const q = new Queue<string>();
        const a = createTask(
          coro('a', function* () {
            return yield q.get();
          })
        );
        const b = createTask(
          coro('b', function* () {
            return yield q.get();
          })
        );
        yield sleep(0);
        q.putNowait('item');
        a.cancel();
        try {
          yield a;
        } catch {
          /* cancelled */
        }
        return yield b;
      })
    );
    expect(report.value).toBe('item');
  });
});
