// What changed in asyncio 3.12 and 3.13: each scenario against the CPython of every version it applies to.
import { describe } from 'vitest';
import { defineReferenceSuite } from './reference-suite';

const from312 = ['3.12', '3.13'] as const;
const only313 = ['3.13'] as const;

describe('asyncio 3.12 and 3.13 differences against CPython', () => {
  defineReferenceSuite([
    // 3.12: the eager task factory (tasks.py Task.__eager_start, create_eager_task_factory).
    { name: 's12-eager-start-order', versions: [...from312] },
    { name: 's12-eager-finishes-at-once', versions: [...from312] },
    // 3.12: wait_for is `async with timeout()` around `await aw` (no inner task for a coroutine).
    's12-wait-for-inline',
    's12-wait-for-cancellation',
    // 3.13: Task.uncancel() withdraws an undelivered cancel; TaskGroup keeps an outside cancellation.
    's13-uncancel-withdraws',
    's13-taskgroup-collision',
    's13-taskgroup-closes-refused-coro',
    // 3.13: Queue.shutdown() and QueueShutDown.
    { name: 's13-queue-shutdown', versions: [...only313] },
    { name: 's13-queue-shutdown-immediate', versions: [...only313] },
    // 3.13: as_completed() makes its tasks at once and is also an async iterator of the originals.
    { name: 's13-as-completed-async-iteration', versions: [...only313] },
    's13-as-completed-creates-tasks',
    // 3.13: Condition.wait re-raises the latest cancellation and passes a notification on when it fails.
    's13-condition-latest-cancellation',
    's13-condition-cancelled-after-notify',
    's13-condition-spurious-wakeup',
    // 3.13: a Semaphore waiter that gets its slot wakes as many waiters as the value allows, not one.
    's13-semaphore-wakes-all',
    's13-semaphore-cancelled-wakes-all'
  ]);
});
