// Semantics reference §1 task creation and stepping: each scenario's trace must equal CPython 3.11's, line by line.
import { describe } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

describe('§1 task creation and stepping against CPython 3.11', () => {
  defineReferenceSuite([
    's01-await-coro-inline',
    's01-await-done-task-no-suspend',
    's01-create-task-only-schedules',
    's01-task-exception-stored',
    's01-task-state-and-callbacks',
    's01-wakeup-order'
  ]);
});
