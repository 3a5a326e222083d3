// Semantics reference §5 TaskGroup: each scenario's trace must equal CPython 3.11's, line by line.
import { describe } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

describe('§5 TaskGroup against CPython 3.11', () => {
  defineReferenceSuite([
    's05-tg-basic',
    's05-tg-body-awaits-gather-of-children',
    's05-tg-body-error-last',
    's05-tg-body-error-only',
    's05-tg-body-swallows-cancel',
    's05-tg-child-adds-task',
    's05-tg-child-cancelled-not-error',
    's05-tg-child-fails',
    's05-tg-child-fails-during-exit',
    's05-tg-create-task-errors',
    's05-tg-error-during-cancellation',
    's05-tg-gather-in-child',
    's05-tg-in-timeout',
    's05-tg-nested',
    's05-tg-outside-cancel'
  ]);
});
