import { describe, expect, it } from 'vitest';
import { createTask, sleep, now } from '../../src/scheduler';
import { getRunningLoop } from '../../src/scheduler/loop-state';
import type { EventLoop } from '../../src/scheduler/event-loop';
import { asyncFn, coro, eventsOf, runLines } from './helpers';

const loop = (): EventLoop => getRunningLoop() as EventLoop;

describe('sleep (rule 2)', () => {
  it('two tasks looping on sleep(0) strictly alternate (2.1)', async () => {
    const log: string[] = [];
    const spinner = asyncFn('spinner', function* (name: string) {
      for (let i = 0; i < 3; i++) {
        log.push(`${name}${i}`);
        yield sleep(0);
      }
    });
    await runLines(
      coro('main', function* () {
        const a = createTask(spinner('a'));
        const b = createTask(spinner('b'));
        yield a;
        yield b;
      })
    );
    expect(log.join(' ')).toBe('a0 b0 a1 b1 a2 b2');
  });

  it('a chain of callSoon callbacks moves one link per sleep(0) (2.1)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const log: string[] = [];
        const l = loop();
        l.callSoon(() => {
          log.push('link1');
          l.callSoon(() => {
            log.push('link2');
            l.callSoon(() => log.push('link3'));
          });
        });
        yield sleep(0);
        log.push('after 1st sleep(0)');
        yield sleep(0);
        log.push('after 2nd sleep(0)');
        return [...log];
      })
    );
    expect(report.value).toEqual(['link1', 'after 1st sleep(0)', 'link2', 'after 2nd sleep(0)']);
  });

  it('callLater(0) runs after everything already ready, including the task resuming (2.1)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const log: string[] = [];
        const l = loop();
        l.callLater(0, () => log.push('callLater(0)'));
        l.callSoon(() => log.push('callSoon'));
        yield sleep(0);
        log.push('task resumed');
        yield sleep(0);
        return log;
      })
    );
    expect(report.value).toEqual(['callSoon', 'task resumed', 'callLater(0)']);
  });

  it('sleep(d) returns its result at exactly t0 + d, one iteration after its timer fires (2.2)', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const log: string[] = [];
        yield sleep(0.25);
        const l = loop();
        // A timer at the same deadline as the sleep below, scheduled first: it fires in the
        // iteration before the sleeper resumes.
        l.callAt(now() + 0.5, () => log.push(`timer at ${now()}`));
        const v = yield sleep(0.5, 'value');
        log.push(`sleep returned ${v} at ${now()}`);
        return log;
      })
    );
    expect(report.value).toEqual(['timer at 0.75', 'sleep returned value at 0.75']);
  });

  it('sleep(0, result) returns the result after one iteration; createTask(sleep(1, x)) gives x', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const a = yield sleep(0, 'zero');
        const t = createTask(sleep(1, 'one'));
        return [a, yield t, now()];
      })
    );
    expect(report.value).toEqual(['zero', 'one', 1]);
  });

  it('shows as suspended on sleep(d) in the trace, and an interrupted sleep drops its timer', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const t = createTask(sleep(100));
        yield sleep(1);
        t.cancel();
        try {
          yield t;
        } catch {
          /* cancelled */
        }
        return [loop().timers.size, now()];
      })
    );
    expect(report.value).toEqual([0, 1]);
    expect(eventsOf(report, 'suspended').map(e => `${e.on} ${e.label}`)).toEqual([
      'sleep sleep(1)',
      'sleep sleep(100)',
      'task sleep'
    ]);
  });
});
