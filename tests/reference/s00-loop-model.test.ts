// Semantics reference §0: the loop model (ready queue FIFO, iterations, timers, asyncio.run).
import { describe } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

describe('§0 loop model against CPython 3.11', () => {
  defineReferenceSuite([
    's00-ready-fifo',
    's00-iteration-counting',
    's00-three-equal-timers',
    's00-run-cancels-leftovers',
    {
      name: 's00-four-equal-timers',
      because: 'equal deadlines fire FIFO here; CPython pops 4 ties from its heap as A C B D (rule 0.3)',
      cpython: ['1.000 A woke', '1.000 C woke', '1.000 B woke', '1.000 D woke', '1.000 main end'],
      ours: ['1.000 A woke', '1.000 B woke', '1.000 C woke', '1.000 D woke', '1.000 main end']
    }
  ]);
});
