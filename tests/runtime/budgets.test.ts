import { describe, expect, it } from 'vitest';
import { DEFAULT_CELL_OPTIONS } from '../../src/protocol';
import { runSource } from './run-source';
import { DEFAULT_MAX_STEPS } from '../../src/scheduler';

const errorOf = (outputs: { output_type: string }[]) =>
  outputs.find(o => o.output_type === 'error') as { ename: string; evalue: string } | undefined;

describe('default budgets tell a runaway from work', () => {
  it('let a cell of 5 million steps finish', async () => {
    const result = await runSource('for (let i = 0; i < 5_000_000; i++) await sleep(0);\nprint("done");');
    expect(errorOf(result.outputs)).toBeUndefined();
    expect(result.status).toBe('ok');
    expect(result.stdout).toBe('done\n');
    const end = result.trace.events.at(-1) as { type: string; steps: number; reason: string };
    expect(end.type).toBe('run-end');
    expect(end.reason).toBe('completed');
    expect(end.steps).toBeGreaterThanOrEqual(5_000_000);
  }, 60_000);

  it('stop `while (true) await sleep(0)` within 10 s with the step-budget error', async () => {
    const started = Date.now();
    const result = await runSource('while (true) await sleep(0);');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.status).toBe('error');
    const error = errorOf(result.outputs)!;
    expect(error.ename).toBe('BudgetExceededError');
    expect(error.evalue).toMatch(
      /^the run used its step budget: \d+ steps in [\d.]+ s of real time \(maxWallTime\); is a task looping forever\?$/
    );
  }, 30_000);

  it("are the scheduler's: the cells' default step budget is its DEFAULT_MAX_STEPS", () => {
    expect(DEFAULT_CELL_OPTIONS.maxSteps).toBe(DEFAULT_MAX_STEPS);
    expect(DEFAULT_MAX_STEPS).toBe(100_000_000);
  });
});
