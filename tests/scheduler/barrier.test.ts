import { describe, expect, it } from 'vitest';
import { Barrier, BrokenBarrierError, createTask, sleep, now } from '../../src/scheduler';
import { asyncFn, coro, eventsOf, runLines } from './helpers';

describe('Barrier (§10)', () => {
  it('releases all parties once the last arrives, with arrival indexes', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const barrier = new Barrier(3);
        const party = asyncFn('party', function* (name: string, d: number) {
          yield sleep(d);
          const i = yield barrier.wait();
          log.push(`${name} passed as ${i} at ${now()}`);
        });
        const ts = [createTask(party('a', 1)), createTask(party('b', 3)), createTask(party('c', 2))];
        for (const t of ts) yield t;
        return [barrier.nWaiting, barrier.broken];
      })
    );
    expect(log).toEqual(['b passed as 2 at 3', 'a passed as 0 at 3', 'c passed as 1 at 3']);
    expect(report.value).toEqual([0, false]);
    expect(
      eventsOf(report, 'suspended')
        .filter(e => e.on === 'barrier')
        .map(e => e.label)
    ).toEqual(['Barrier#1', 'Barrier#1']);
  });

  it('abort() breaks waiting and later parties', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const barrier = new Barrier(2);
        const t = createTask(
          coro('w', function* () {
            try {
              yield barrier.wait();
            } catch (e) {
              return `${e instanceof BrokenBarrierError} ${e}`;
            }
          })
        );
        yield sleep(1);
        yield barrier.abort();
        let late = '';
        try {
          yield barrier.wait();
        } catch (e) {
          late = String(e);
        }
        return [yield t, late, barrier.broken];
      })
    );
    expect(report.value).toEqual([
      'true BrokenBarrierError: Abort or reset of barrier',
      'BrokenBarrierError: Barrier aborted',
      true
    ]);
  });

  it('rejects parties < 1', () => {
    expect(() => new Barrier(0)).toThrow('Barrier(): parties must be an integer >= 1, got 0');
  });
});
