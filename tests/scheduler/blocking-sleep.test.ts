import { describe, expect, it } from 'vitest';
import { blockingSleep, createTask, sleep, now } from '../../src/scheduler';
import { coro, eventsOf, runLines } from './helpers';

describe('blockingSleep', () => {
  it('holds the whole loop: the other task cannot run meanwhile (virtual clock)', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const ticker = createTask(
          coro('ticker', function* () {
            for (let i = 0; i < 3; i++) {
              log.push(`tick at ${now()}`);
              yield sleep(1);
            }
          })
        );
        yield sleep(0);
        blockingSleep(2.5);
        log.push(`main unblocked at ${now()}`);
        yield ticker;
      })
    );
    expect(log).toEqual(['tick at 0', 'main unblocked at 2.5', 'tick at 2.5', 'tick at 3.5']);
    expect(eventsOf(report, 'blocking')).toEqual([{ type: 'blocking', t: 0, task: 0, duration: 2.5 }]);
  });

  it('really waits on the real clock', async () => {
    const started = performance.now();
    const { report } = await runLines(
      coro('main', function* () {
        blockingSleep(0.05);
        return now();
      }),
      { clock: 'real' }
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(report.value as number).toBeGreaterThanOrEqual(0.045);
  });

  it('rejects a bad delay naming it', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        try {
          blockingSleep(-1);
        } catch (e) {
          return String(e);
        }
      })
    );
    expect(report.value).toBe('RangeError: blockingSleep(): delay must be a finite number >= 0, got -1');
  });
});
