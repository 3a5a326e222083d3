// Semantics reference §10 synchronisation primitives: each scenario's trace must equal CPython 3.11's, line by line.
import { describe } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

describe('§10 synchronisation primitives against CPython 3.11', () => {
  defineReferenceSuite([
    's10-async-with-hold',
    's10-barrier',
    's10-barrier-abort',
    's10-condition',
    's10-condition-cancelled-waiter',
    's10-event',
    's10-event-wait-for-timeout',
    's10-lock-cancelled-waiter',
    's10-lock-fifo',
    's10-lock-woken-then-cancelled',
    's10-queue-getter-cancelled',
    's10-queue-join-several',
    's10-queue-kinds',
    's10-queue-producer-consumer',
    's10-queue-putter-cancelled',
    's10-semaphore',
    's10-semaphore-cancelled-waiter'
  ]);
});
