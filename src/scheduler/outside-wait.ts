import { Future } from './future';
import type { EventLoop } from './event-loop';
import type { Task } from './task';

/** True for native Promises and other thenables (which the loop awaits for real). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * An outside wait: a task awaits a native Promise (fetch, a browser timer). The loop cannot
 * control it, so it waits for it for real; while it is pending the loop is not deadlocked.
 * Returns the Future the task suspends on; it completes when the promise settles (unless the
 * task was cancelled meanwhile, which cancels the future).
 */
export function awaitOutside(loop: EventLoop, task: Task<unknown>, thenable: PromiseLike<unknown>): Future<unknown> {
  const future = new Future<unknown>('Promise', 'outside');
  future._loop = loop;
  loop.outsidePending++;
  if (loop.tracing)
    loop.trace.push({ type: 'outside-wait-start', t: loop.clock.now(), task: task.id, label: 'Promise' });
  let settled = false;
  let limitTimer: ReturnType<typeof setTimeout> | null = null;
  const settle = (ok: boolean, value: unknown): void => {
    if (settled) return;
    settled = true;
    if (limitTimer !== null) clearTimeout(limitTimer);
    loop.outsidePending--;
    if (loop.tracing) loop.trace.push({ type: 'outside-wait-end', t: loop.clock.now(), task: task.id });
    if (!future.done()) {
      if (ok) future.setResult(value);
      else future.setException(value);
    }
    if (loop.onOutsideSettled) loop.onOutsideSettled();
  };
  // A cancelled wait (task cancelled or interrupted) stops counting at once: nobody needs it.
  future._addCallback(() => {
    if (settled || !future.cancelled()) return;
    settled = true;
    if (limitTimer !== null) clearTimeout(limitTimer);
    loop.outsidePending--;
    if (loop.tracing) loop.trace.push({ type: 'outside-wait-end', t: loop.clock.now(), task: task.id });
  });
  const limit = loop.outsideWaitLimit;
  if (limit !== undefined) {
    const name = task.innermostCoroutineName();
    limitTimer = setTimeout(() => {
      let error: unknown;
      try {
        error = limit.error(name);
      } catch (e) {
        error = e;
      }
      settle(false, error);
    }, limit.ms);
  }
  try {
    thenable.then(
      v => settle(true, v),
      e => settle(false, e)
    );
  } catch (error) {
    settle(false, error);
  }
  return future;
}
