// Semantics reference §0: the loop model (ready queue FIFO, iterations, timers, asyncio.run).
import { describe, expect } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

const fifo =
  'equal deadlines fire FIFO here (project decision); CPython pops ties in heapq order (docs/scheduler-semantics.md §0.3)';

describe('§0 loop model against CPython 3.11', () => {
  defineReferenceSuite([
    's00-ready-fifo',
    's00-iteration-counting',
    's00-three-equal-timers',
    {
      name: 's00-run-cancels-leftovers',
      checkOurs: outcome => {
        // docs/scheduler-semantics.md §0.6 is silent in CPython; the project also says which task it cancelled
        expect(outcome.warnings.some(w => w.includes("'leftover'") && w.includes('cancelled'))).toBe(true);
      }
    },
    {
      name: 's00-shutdown-error',
      because:
        'CPython passes a leftover task that fails while cancelled at shutdown to the loop exception ' +
        'handler (logged here); the project lists it in the end-of-run warnings (stderr)',
      cpython: [
        '1.000 main end',
        '1.000 leftover cancelled at shutdown, fails in cleanup',
        "1.000 report: unhandled exception during asyncio.run() shutdown: leftover ValueError('cleanup failed')"
      ],
      ours: ['1.000 main end', '1.000 leftover cancelled at shutdown, fails in cleanup'],
      checkOurs: outcome => {
        const report = outcome.warnings.find(w => w.includes('shutdown'));
        expect(report, `a shutdown report in ${JSON.stringify(outcome.warnings)}`).toBeDefined();
        expect(report).toContain('leftover');
        expect(report).toContain('ValueError: cleanup failed');
      }
    },
    {
      name: 's00-deadlock',
      errorType: 'DeadlockError',
      checkOurs: outcome => {
        // the project's message names every waiting task and what it waits on
        expect(String(outcome.error)).toContain("task 'main' waits on task 'waiter'");
        expect(String(outcome.error)).toMatch(/task 'waiter' waits on Event/);
      }
    },
    {
      name: 's00-four-equal-timers',
      because: `${fifo}: 4 ties come out A C B D`,
      cpython: ['1.000 A woke', '1.000 C woke', '1.000 B woke', '1.000 D woke', '1.000 main end'],
      ours: ['1.000 A woke', '1.000 B woke', '1.000 C woke', '1.000 D woke', '1.000 main end']
    },
    {
      name: 's00-eight-equal-timers',
      because: `${fifo}: 8 ties come out A C G F H E B D`,
      cpython: [...'ACGFHEBD'].map(x => `0.500 ${x} woke`),
      ours: [...'ABCDEFGH'].map(x => `0.500 ${x} woke`)
    },
    {
      name: 's00-cancelled-timer-in-heap',
      because: `${fifo}: a cancelled timer left in CPython's heap reorders even 3 live ties (X A B C pop as X B A C)`,
      cpython: ['1.000 B woke', '1.000 A woke', '1.000 C woke', '1.000 main end'],
      ours: ['1.000 A woke', '1.000 B woke', '1.000 C woke', '1.000 main end']
    }
  ]);
});
