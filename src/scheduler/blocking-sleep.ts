import { requireRunningLoop } from './loop-state';
import { checkDelay } from './validate';

/**
 * time.sleep() inside a coroutine: holds the whole loop for `delay` seconds (the virtual clock
 * jumps, the real clock really waits), to show why blocking calls are bad. Nothing else runs.
 */
export function blockingSleep(delay: number): void {
  checkDelay('blockingSleep()', 'delay', delay);
  const loop = requireRunningLoop('blockingSleep()');
  const task = loop.currentTask;
  if (loop.tracing && task !== null)
    loop.trace.push({ type: 'blocking', t: loop.clock.now(), task: task.id, duration: delay });
  if (loop.clock.kind === 'virtual') {
    loop.clock.advanceTo(loop.clock.now() + delay);
    return;
  }
  const until = performance.now() + delay * 1000;
  const canWait = typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object';
  let cell = canWait ? new Int32Array(new SharedArrayBuffer(4)) : null;
  for (let left = delay * 1000; left > 0; left = until - performance.now()) {
    if (cell !== null) {
      try {
        Atomics.wait(cell, 0, 0, left);
        continue;
      } catch {
        cell = null; // Atomics.wait is not allowed here (a browser main thread): spin instead.
      }
    }
  }
}
