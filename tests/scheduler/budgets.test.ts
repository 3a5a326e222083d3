import { describe, expect, it } from 'vitest';
import { BudgetExceededError, createTask, sleep, startRun } from '../../src/scheduler';
import { coro } from './helpers';

const spinner = () =>
  coro('main', function* () {
    const spin = createTask(
      coro('spinner', function* () {
        for (;;) yield sleep(0);
      })
    );
    yield spin;
  });

describe('the step budget: steps, or real time spent running', () => {
  it('stops a virtual-clock runaway after maxWallTime seconds of running, with the step-budget error', async () => {
    const started = performance.now();
    const report = await startRun(spinner(), { clock: 'virtual', trace: false, maxWallTime: 0.3 }).done;
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(report.reason).toBe('step-budget');
    expect(report.error).toBeInstanceOf(BudgetExceededError);
    expect((report.error as Error).message).toMatch(
      /^the run used its step budget: \d+ steps in 0\.\d s of real time \(maxWallTime\); is a task looping forever\?$/
    );
    expect(report.steps).toBeGreaterThan(1_000);
    expect(report.warnings).toContain("Task 'spinner' was still pending when the run finished; it was cancelled");
  });

  it('time spent waiting for an outside promise does not count', async () => {
    const main = coro('main', function* () {
      yield new Promise(resolve => setTimeout(resolve, 400));
      return 'done';
    });
    const report = await startRun(main, { clock: 'virtual', maxWallTime: 0.2 }).done;
    expect(report.status).toBe('ok');
    expect(report.value).toBe('done');
  });

  it('checks maxWallTime', () => {
    expect(() => startRun(spinner(), { clock: 'virtual', maxWallTime: 0 })).toThrow(
      'startRun(): maxWallTime must be a number of seconds > 0 (Infinity for no limit), got 0'
    );
  });
});
