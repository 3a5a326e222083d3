/**
 * A task sleeping on a compiled `await sleep(d)` without a SleepFuture: the hot path of a million
 * sleeping tasks, where the future (80 bytes and a boxed delay per task) was a fifth of the heap.
 * The task is its own timer entry and keeps the delay in its _result field, unused while it is
 * pending. Whatever needs the future it waits on (cancel, the await graph, the end-of-run report)
 * gets a real one, made then (`waitingFuture`), which holds the task's timer: from then on the
 * task is an ordinary waiter on an ordinary sleep future, so every rule of sleep still holds.
 */
import { SLEEPING, TIMER_DEAD, TIMER_FIRED, TIMER_SCHEDULED, WOKEN } from './future-flags';
import { SleepFuture } from './sleep';
import type { EventLoop } from './event-loop';
import type { Future } from './future';
import type { Task } from './task';

/** The sleep future made for a task that slept directly: its timer is the task's own entry. */
class HeldSleepFuture extends SleepFuture {
  constructor(
    private readonly holder: Task<unknown>,
    delay: number
  ) {
    super(delay, undefined);
  }

  override get scheduled(): boolean {
    return this.holder.scheduled;
  }
  override set scheduled(on: boolean) {
    this.holder.scheduled = on;
  }

  override get dead(): boolean {
    return this.holder.dead;
  }
  override set dead(on: boolean) {
    this.holder.dead = on;
  }
}

/** True when `task` may be its own timer now (no earlier entry of it is still queued). */
export function maySleepDirectly(task: Task<unknown>): boolean {
  return (task._flags & TIMER_SCHEDULED) === 0;
}

/** Starts `task`'s sleep of `delay` seconds with the task as the timer (what sleep's first step does). */
export function sleepDirectly(task: Task<unknown>, loop: EventLoop, delay: number): void {
  task._flags = (task._flags | SLEEPING) & ~TIMER_DEAD;
  task._result = delay;
  loop.addTimer(task, loop.time() + delay);
}

/**
 * The task's timer ran (TIMER_FIRED): what the sleep future's timer does, i.e. set the future's
 * result, which wakes the task for its next step. For a direct sleep that is waking the task as
 * wakeFrom does; once the future exists (HeldSleepFuture), it is that future's own timer run.
 */
export function fireTaskTimer(task: Task<unknown>, loop: EventLoop): void {
  task._flags &= ~TIMER_FIRED;
  if ((task._flags & SLEEPING) === 0) {
    (task._waiter as SleepFuture).runFromLoop();
    return;
  }
  task._flags = (task._flags & ~SLEEPING) | WOKEN;
  task._result = undefined;
  loop.schedule(task);
  if (loop.tracing) loop.trace.push({ type: 'woken', t: loop.clock.now(), task: task.id });
}

/** The future `task` waits on; for a direct sleep, made now (see the top of this file). */
export function waitingFuture(task: Task<unknown>): Future<unknown> | null {
  if ((task._flags & SLEEPING) !== 0) {
    const future = new HeldSleepFuture(task, task._result as number);
    task._result = undefined;
    task._flags &= ~SLEEPING;
    // The task waits on it, as after Task._suspendOn.
    future._cb0 = task;
    task._waiter = future;
  }
  return task._waiter;
}
