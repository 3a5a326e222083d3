// Semantics reference §2 sleep: each scenario's trace must equal CPython 3.11's, line by line.
import { describe } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

describe('§2 sleep against CPython 3.11', () => {
  defineReferenceSuite([
    's02-sequential-vs-concurrent',
    's02-sleep-interrupted',
    's02-sleep-result-and-times',
    's02-sleep0-alternate'
  ]);
});
