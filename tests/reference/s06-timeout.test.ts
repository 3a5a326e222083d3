// Semantics reference §6 timeout / timeout_at: each scenario's trace must equal CPython 3.11's, line by line.
import { describe } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

describe('§6 timeout / timeout_at against CPython 3.11', () => {
  defineReferenceSuite([
    's06-event-set-at-deadline',
    's06-nested-timeouts',
    's06-outside-cancel-at-deadline',
    's06-timeout-body-swallows',
    's06-timeout-expires',
    's06-timeout-in-group-child',
    's06-timeout-reschedule-at',
    's06-timeout-reschedule-while-running',
    's06-timeout-tie-sleep',
    's06-timeout-tie-sleep-first'
  ]);
});
