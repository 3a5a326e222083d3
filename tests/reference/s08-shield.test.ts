// Semantics reference §8 shield: each scenario's trace must equal CPython 3.11's, line by line.
import { describe } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

describe('§8 shield against CPython 3.11', () => {
  defineReferenceSuite(['s08-shield-inner-cancelled', 's08-shield-outer-cancelled', 's08-shield-under-timeout']);
});
