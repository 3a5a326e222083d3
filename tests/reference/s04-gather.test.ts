// Semantics reference §4 gather: each scenario's trace must equal CPython 3.11's, line by line.
import { describe } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

describe('§4 gather against CPython 3.11', () => {
  defineReferenceSuite([
    's04-cancel-awaiter-cancels-gather',
    's04-gather-already-done',
    's04-gather-cancel',
    's04-gather-child-cancelled',
    's04-gather-empty',
    's04-gather-error-no-cancel',
    's04-gather-order',
    's04-gather-repeated',
    's04-gather-return-exceptions',
    's04-nested-gather-cancel',
    's04-return-exceptions-cancelled-child'
  ]);
});
