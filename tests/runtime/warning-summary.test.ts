import { describe, expect, it } from 'vitest';
import { summariseWarnings, SUMMARY_THRESHOLD } from '../../src/runtime/warning-summary';

const plain = (warnings: string[]) => summariseWarnings(warnings, i => warnings[i] + '\n');

describe('summariseWarnings', () => {
  it('keeps small groups line by line, in order', () => {
    const warnings = ["coroutine 'a' was never awaited", "Task 'b' was cancelled", "coroutine 'c' was never awaited"];
    expect(plain(warnings)).toBe(warnings.join('\n') + '\n');
  });

  it('turns a large group into one line with the count, at its first place', () => {
    const warnings = ['first', ...Array.from({ length: 10 }, () => "coroutine 'w' was never awaited"), 'last'];
    expect(plain(warnings)).toBe("first\ncoroutine 'w' was never awaited (10×)\nlast\n");
  });

  it('names the first and last when the names differ', () => {
    const warnings = Array.from({ length: 1_000 }, (_, i) => `Task 'w-${i + 1}' was cancelled`);
    expect(plain(warnings)).toBe("Task 'w-1' was cancelled (1,000×, first 'w-1', last 'w-1000')\n");
  });

  it('puts the count on the first line of a warning with a traceback', () => {
    const warnings = Array.from(
      { length: SUMMARY_THRESHOLD + 1 },
      (_, i) => `Task exception was never retrieved: task 't-${i}' raised E`
    );
    const text = summariseWarnings(warnings, i => `${warnings[i]}\nTraceback (most recent call last):\n  line\n`);
    expect(text).toBe(
      `Task exception was never retrieved: task 't-0' raised E (${SUMMARY_THRESHOLD + 1}×, first 't-0', last 't-${SUMMARY_THRESHOLD}')\nTraceback (most recent call last):\n  line\n`
    );
  });
});
