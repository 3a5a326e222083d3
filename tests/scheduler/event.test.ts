import { describe, expect, it } from 'vitest';
import { createTask, Event, sleep, now } from '../../src/scheduler';
import { asyncFn, coro, eventsOf, runLines } from './helpers';

describe('Event (§10)', () => {
  it('set() wakes every waiter FIFO, next iteration, even if cleared in between', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const ev = new Event();
        const waiter = asyncFn('waiter', function* (name: string) {
          yield ev.wait();
          log.push(`${name} woke at ${now()}, isSet=${ev.isSet()}`);
        });
        const ts = [createTask(waiter('a')), createTask(waiter('b'))];
        yield sleep(1);
        ev.set();
        ev.clear();
        log.push('main after set+clear');
        for (const t of ts) yield t;
      })
    );
    expect(log).toEqual(['main after set+clear', 'a woke at 1, isSet=false', 'b woke at 1, isSet=false']);
    expect(
      eventsOf(report, 'suspended')
        .filter(e => e.on === 'event')
        .map(e => e.label)
    ).toEqual(['Event#1', 'Event#1']);
  });

  it('wait() on a set event returns without yielding', async () => {
    const order: string[] = [];
    await runLines(
      coro('main', function* () {
        const ev = new Event();
        ev.set();
        const other = createTask(
          coro('other', function* () {
            order.push('other');
          })
        );
        order.push(`wait -> ${yield ev.wait()}`);
        yield other;
      })
    );
    expect(order).toEqual(['wait -> true', 'other']);
  });

  it('a cancelled waiter is removed from the waiters', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const ev = new Event();
        const t = createTask(
          coro('w', function* () {
            yield ev.wait();
          })
        );
        yield sleep(0);
        const before = String(ev);
        t.cancel();
        try {
          yield t;
        } catch {
          /* cancelled */
        }
        return [before, String(ev)];
      })
    );
    expect(report.value).toEqual(['<Event [unset, waiters:1]>', '<Event [unset, waiters:0]>']);
  });
});
