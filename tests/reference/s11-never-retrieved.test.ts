// Semantics reference §11: "Task exception was never retrieved".
import { describe, expect } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

const common = [
  "1.000 exception() -> ValueError('looked-at')",
  '1.000 cancel() on a failed task -> False',
  "1.000 await -> ValueError('awaited')",
  "1.000 gather -> ValueError('gathered-1')",
  '1.000 dropping the last references'
];

describe('§11 never-retrieved task exceptions against CPython 3.11', () => {
  defineReferenceSuite([
    {
      name: 's11-never-retrieved',
      because:
        'CPython reports at garbage collection (here forced with gc.collect()); the project reports ' +
        'deterministically when the run ends, for exactly the same tasks',
      cpython: [
        ...common,
        "1.000 report: Task exception was never retrieved: lost ValueError('lost')",
        '1.000 main end'
      ],
      ours: [...common, '1.000 main end'],
      checkOurs: outcome => {
        const reports = outcome.warnings.filter(w => w.includes('never retrieved'));
        expect(reports, 'exactly one report, for the task nobody looked at').toHaveLength(1);
        expect(reports[0]).toContain('lost');
        expect(reports[0]).toContain('ValueError');
        for (const retrieved of ['looked-at', 'cancel-called', 'awaited', 'gathered']) {
          expect(reports[0]).not.toContain(retrieved);
        }
      }
    }
  ]);
});
