import { describe, expect, it } from 'vitest';
import { createTask, Future, sleep, now } from '../../src/scheduler';
import { getRunningLoop } from '../../src/scheduler/loop-state';
import { EventLoop } from '../../src/scheduler/event-loop';
import { asyncFn, coro, runLines } from './helpers';

const loopNow = (): EventLoop => getRunningLoop() as EventLoop;

describe('EventLoop iteration (rule 0)', () => {
  it('runs callbacks FIFO and what they schedule only in the next iteration', () => {
    const loop = new EventLoop({ clock: 'virtual' });
    const log: string[] = [];
    loop.callSoon(() => {
      log.push('a');
      loop.callSoon(() => log.push('c'));
    });
    loop.callSoon(() => log.push('b'));
    loop.runOnce();
    expect(log).toEqual(['a', 'b']);
    loop.runOnce();
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('fires equal deadlines first-in-first-out (project decision) and jumps the virtual clock', () => {
    const loop = new EventLoop({ clock: 'virtual' });
    const log: string[] = [];
    for (const name of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']) loop.callAt(5, () => log.push(name));
    loop.callAt(2, () => log.push('early'));
    loop.runOnce();
    expect(loop.time()).toBe(2);
    expect(log).toEqual(['early']);
    loop.runOnce();
    expect(loop.time()).toBe(5);
    expect(log.join('')).toBe('earlyABCDEFGH');
  });

  it('keeps FIFO ties when a timer in between is cancelled', () => {
    const loop = new EventLoop({ clock: 'virtual' });
    const log: string[] = [];
    loop.callAt(1, () => log.push('A'));
    const b = loop.callAt(1, () => log.push('B'));
    loop.callAt(1, () => log.push('C'));
    loop.callAt(1, () => log.push('D'));
    b.cancel();
    loop.runOnce();
    expect(log).toEqual(['A', 'C', 'D']);
  });

  it('appends due timers after what is already ready', () => {
    const loop = new EventLoop({ clock: 'virtual' });
    const log: string[] = [];
    loop.callLater(0, () => log.push('timer'));
    loop.callSoon(() => log.push('soon'));
    loop.runOnce();
    expect(log).toEqual(['soon', 'timer']);
  });

  it('compacts the heap when more than half of >100 timers are cancelled', () => {
    const loop = new EventLoop({ clock: 'virtual' });
    const timers = Array.from({ length: 200 }, (_, i) => loop.callAt(i + 1, () => undefined));
    timers.slice(0, 150).forEach(t => t.cancel());
    expect(loop.timers.cancelledCount).toBe(150);
    loop.dropCancelledTimers();
    expect(loop.timers.size).toBe(50);
    expect(loop.timers.peek()?.when).toBe(151);
  });

  it('reports an exception in a callback and keeps running', () => {
    const loop = new EventLoop({ clock: 'virtual' });
    const log: string[] = [];
    loop.callSoon(function failing() {
      throw new Error('boom');
    });
    loop.callSoon(() => log.push('after'));
    loop.runOnce();
    expect(log).toEqual(['after']);
    expect(loop.warnings.map(w => w.text)).toEqual(['Exception in callback failing(): Error: boom']);
    expect(String(loop.warnings[0].error)).toBe('Error: boom');
  });

  it('schedules future callbacks with callSoon, never inline (docs/scheduler-semantics.md §0.4)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const loop = loopNow();
        const f = new Future<number>();
        const order: string[] = [];
        f.addDoneCallback(() => order.push('callback'));
        f.setResult(1);
        order.push('after setResult');
        loop.callSoon(() => order.push('later callSoon'));
        yield sleep(0);
        yield sleep(0);
        return order;
      })
    );
    expect(report.value).toEqual(['after setResult', 'callback', 'later callSoon']);
  });

  it('a task awaiting a future resumes one iteration after it completes (docs/scheduler-semantics.md §0.5)', async () => {
    const order: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const f = new Future<number>();
        const waiter = asyncFn('waiter', function* () {
          const v = yield f;
          order.push(`waiter got ${v}`);
        });
        const ticker = asyncFn('ticker', function* () {
          for (let i = 0; i < 3; i++) {
            order.push(`tick ${i}`);
            if (i === 0) f.setResult(42);
            yield sleep(0);
          }
        });
        const a = createTask(waiter());
        const b = createTask(ticker());
        yield a;
        yield b;
        return now();
      })
    );
    // The wake-up was queued (callSoon) before ticker's own yield, so it runs first next iteration.
    expect(order).toEqual(['tick 0', 'waiter got 42', 'tick 1', 'tick 2']);
    expect(report.value).toBe(0);
  });
});
