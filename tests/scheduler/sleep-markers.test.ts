import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  coroutineHelpers,
  createTask,
  formatCallGraph,
  now,
  sleep,
  waitFor
} from '../../src/scheduler';
import { SLEEP_FOR, SLEEP_ZERO } from '../../src/scheduler/coroutine';
import { asyncFn, coro, runLines } from './helpers';

/** What compiled `await sleep(0)` yields (see src/compiler/direct-sleep.ts). */
const compiledSleepZero = (): unknown =>
  sleep === coroutineHelpers.__cc_sleep ? coroutineHelpers.__cc_sleep0 : sleep(0);

/** What compiled `await sleep(d)` yields. */
const compiledSleepFor = (d: number): unknown =>
  sleep === coroutineHelpers.__cc_sleep ? coroutineHelpers.__cc_sleepFor(d) : sleep(d);

type Run = Awaited<ReturnType<typeof runLines<unknown>>>;

/** The marker run finished and did exactly what the coroutine run did: value, steps, trace, warnings. */
function expectSameRun(viaMarker: Run, viaCoroutine: Run): void {
  expect(viaMarker.report.status).toBe('ok');
  expect(viaMarker.report.value).toEqual(viaCoroutine.report.value);
  expect(viaMarker.report.steps).toBe(viaCoroutine.report.steps);
  expect(viaMarker.report.time).toBe(viaCoroutine.report.time);
  expect(viaMarker.report.trace.events).toEqual(viaCoroutine.report.trace.events);
  expect(viaMarker.report.warnings).toEqual(viaCoroutine.report.warnings);
  expect(viaMarker.report.warningDetails).toEqual(viaCoroutine.report.warningDetails);
}

/** Two spinners and a canceller; `pause` is how each spinner awaits sleep, `mainPause` the canceller. */
function program(pause: () => unknown, mainPause: () => unknown = () => sleep(0)) {
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
    yield mainPause();
    yield mainPause();
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

describe('compiled await sleep(…): a marker, no coroutine', () => {
  it('the helpers hand out the scheduler sleep and the markers', () => {
    expect(coroutineHelpers.__cc_sleep).toBe(sleep);
    expect(coroutineHelpers.__cc_sleep0).toBe(SLEEP_ZERO);
    expect(coroutineHelpers.__cc_sleepFor(0)).toBe(SLEEP_ZERO);
    expect(coroutineHelpers.__cc_sleepFor(0.5)).toBe(SLEEP_FOR);
  });

  it('sleepFor checks the delay exactly as sleep() does', () => {
    for (const bad of [-1, Number.NaN, Infinity, '1', undefined]) {
      const viaSleep = (() => {
        try {
          sleep(bad as number);
        } catch (error) {
          return `${(error as Error).constructor.name}: ${(error as Error).message}`;
        }
      })();
      expect(viaSleep).toMatch(/Error: sleep\(\): delay must be/);
      expect(() => coroutineHelpers.__cc_sleepFor(bad as number)).toThrow(viaSleep!.replace(/^\w+: /, ''));
    }
  });

  it('sleep(d): runs, interleaves, cancels and traces exactly as awaiting the sleep coroutine does', async () => {
    const mainPause = () => sleep(0.3);
    const viaCoroutine = await runLines(program(() => sleep(0.25), mainPause));
    const viaMarker = await runLines(program(() => compiledSleepFor(0.25), mainPause));
    expectSameRun(viaMarker, viaCoroutine);
    expect(viaMarker.report.value).toContain('a got undefined');
    expect(viaMarker.report.value).toContain('a cancelled');
    expect(viaMarker.report.trace.events).toContainEqual(
      expect.objectContaining({ type: 'suspended', label: 'sleep(0.25)' })
    );
  });

  it('runs, interleaves, cancels and traces exactly as yielding sleep(0) does', async () => {
    const viaCoroutine = await runLines(program(() => sleep(0)));
    const viaMarker = await runLines(program(compiledSleepZero));
    expectSameRun(viaMarker, viaCoroutine);
    expect(viaMarker.report.value).toContain('a got undefined');
    expect(viaMarker.report.value).toContain('a cancelled');
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
    const viaTimerMarker = await run(() => compiledSleepFor(0.001));
    expect(viaTimerMarker).toBe(await run(() => sleep(0.001)));
    expect(viaTimerMarker).toBe(viaMarker);
  });

  it('a task sleeping with no sleep future behaves as one that has it: cancelled, sleeping again, timed out, graphed, left over', async () => {
    const run = (pause: (d: number) => unknown) => {
      const log: string[] = [];
      const sleeper = asyncFn('sleeper', function* (name: string, d: number) {
        for (let round = 0; round < 3; round++) {
          try {
            yield pause(d);
            log.push(`${name} woke ${round} at ${now()}`);
          } catch (error) {
            // Swallowed: the next sleep starts while the cancelled one's timer is still queued.
            log.push(`${name} ${(error as Error).name} ${round} at ${now()}: ${(error as Error).message}`);
          }
        }
        return name;
      });
      const slow = asyncFn('slow', function* () {
        yield pause(10);
      });
      const main = coro('main', function* () {
        const many = Array.from({ length: 300 }, (_, i) => createTask(sleeper(`s${i}`, 5 + i / 100)));
        const a = createTask(sleeper('a', 1));
        createTask(sleeper('left-over', 1000));
        yield sleep(0.5);
        log.push(formatCallGraph(a));
        // More than half of the timers cancelled: the queue compacts (CPython's rule).
        many.forEach((t, i) => t.cancel(`stop ${i}`));
        try {
          yield waitFor(slow(), 1);
        } catch (error) {
          log.push(`waitFor: ${(error as Error).name} at ${now()}`);
        }
        yield a;
        for (const t of many) yield t;
        return log;
      });
      return runLines(main);
    };
    const viaCoroutine = await run(d => sleep(d));
    const viaMarker = await run(d => compiledSleepFor(d));
    expectSameRun(viaMarker, viaCoroutine);
    expect(viaMarker.report.value).toContain('s7 CancelledError 0 at 0.5: stop 7');
    expect(viaMarker.report.value).toContain('s7 woke 1 at 5.57');
    expect(viaMarker.report.value).toContain('waitFor: TimeoutError at 1.5');
    // The call graph of a task sleeping with no future yet: made for it, as for any sleeper.
    expect(viaMarker.report.value).toContainEqual(expect.stringContaining("Task(name='sleeper-301', id=301)"));
    expect(viaMarker.report.warnings.join('\n')).toContain('sleeper-302');
  });
});
