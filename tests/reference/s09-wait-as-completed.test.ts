// Semantics reference §9 wait / as_completed: each scenario's trace must equal CPython 3.11's, line by line.
import { describe } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

describe('§9 wait / as_completed against CPython 3.11', () => {
  defineReferenceSuite([
    's09-as-completed',
    's09-as-completed-timeout',
    's09-wait-first-completed',
    's09-wait-first-exception',
    's09-wait-futures',
    's09-wait-timeout'
  ]);
});
