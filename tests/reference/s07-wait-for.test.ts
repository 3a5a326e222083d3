// Semantics reference §7 wait_for (3.11 rules): each scenario's trace must equal CPython 3.11's, line by line.
import { describe } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

describe('§7 wait_for (3.11 rules) against CPython 3.11', () => {
  defineReferenceSuite([
    's07-wait-for-inner-cancelled-elsewhere',
    's07-wait-for-inner-raises',
    's07-wait-for-inner-swallows',
    's07-wait-for-ok',
    's07-wait-for-outer-cancelled',
    's07-wait-for-task-cancelled',
    's07-wait-for-tie',
    's07-wait-for-waits-cleanup',
    's07-wait-for-zero'
  ]);
});
