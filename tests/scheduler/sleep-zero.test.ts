import { describe, expect, it } from 'vitest';
import { CancelledError, coroutineHelpers, createTask, sleep } from '../../src/scheduler';
import { SLEEP_ZERO } from '../../src/scheduler/coroutine';
import { asyncFn, coro, runLines } from './helpers';

/** What compiled `await sleep(0)` yields (see src/compiler/sleep-zero.ts). */
const compiledSleepZero = (): unknown =>
  sleep === coroutineHelpers.__cc_sleep ? coroutineHelpers.__cc_sleep0 : sleep(0);

/** Two spinners and a canceller; `pause` is how each spinner awaits sleep(0). */
function program(pause: () => unknown) {
  const log: string[] = [];
  const spinner = asyncFn('spinner', function* (name: string) {
    try {
      for (let i = 0; ; i++) {
        log.push(`${name}${i}`);
        const got = yield pause();
        log.push(`${name} got ${String(got)}`);
      }
    } catch (error) {
      log.push(`${name} ${error instanceof CancelledError ? 'cancelled' : String(error)}`);
      throw error;
    }
  });
  const main = coro('main', function* () {
    const a = createTask(spinner('a'));
    const b = createTask(spinner('b'));
    yield sleep(0);
    yield sleep(0);
    a.cancel('stop');
    b.cancel();
    for (const t of [a, b]) {
      try {
        yield t;
      } catch (error) {
        log.push(`main: ${t.getName()} ${(error as Error).name}`);
      }
    }
    return log;
  });
  return main;
}

describe('compiled await sleep(0): a marker, no coroutine', () => {
  it('the helpers hand out the scheduler sleep and a marker', () => {
    expect(coroutineHelpers.__cc_sleep).toBe(sleep);
    expect(coroutineHelpers.__cc_sleep0).toBe(SLEEP_ZERO);
  });

  it('runs, interleaves, cancels and traces exactly as yielding sleep(0) does', async () => {
    const viaCoroutine = await runLines(program(() => sleep(0)));
    const viaMarker = await runLines(program(compiledSleepZero));
    expect(viaMarker.report.status).toBe('ok');
    expect(viaMarker.report.value).toEqual(viaCoroutine.report.value);
    expect(viaMarker.report.value).toContain('a got undefined');
    expect(viaMarker.report.value).toContain('a cancelled');
    expect(viaMarker.report.steps).toBe(viaCoroutine.report.steps);
    expect(viaMarker.report.trace.events).toEqual(viaCoroutine.report.trace.events);
    expect(viaMarker.report.warnings).toEqual(viaCoroutine.report.warnings);
  });

  it('raises RecursionError at the same depth as awaiting the sleep coroutine', async () => {
    const run = async (pause: () => unknown) => {
      let depth = 0;
      const dive: () => unknown = asyncFn('dive', function* () {
        depth++;
        yield pause();
        yield dive();
      });
      const report = await runLines(
        coro('main', function* () {
          try {
            yield dive();
          } catch (error) {
            return `${(error as Error).constructor.name} at ${depth}: ${(error as Error).message}`;
          }
        })
      );
      return report.report.value;
    };
    const viaMarker = await run(compiledSleepZero);
    expect(viaMarker).toBe(await run(() => sleep(0)));
    expect(viaMarker).toMatch(/^RecursionError at \d+: .*'sleep'/);
  });
});
