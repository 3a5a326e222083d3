// Semantics reference §3 task cancellation: each scenario's trace must equal CPython 3.11's, line by line.
import { describe } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

describe('§3 task cancellation against CPython 3.11', () => {
  defineReferenceSuite([
    's03-cancel-before-first-step',
    's03-cancel-counting',
    's03-cancel-delivery-finally',
    's03-cancel-message',
    's03-cancel-propagates-to-awaited',
    's03-cancel-through-inline-coroutines',
    's03-cancel-when-waiter-done',
    's03-error-during-cancellation',
    's03-task-cancels-itself',
    's03-uncancel-then-cancel-again'
  ]);
});
