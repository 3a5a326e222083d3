import { describeError } from './errors';
import type { EventLoop } from './event-loop';
import type { Future } from './future';
import { Task } from './task';
import { findCycles, renderAwaitTree, waitsOn } from './await-tree';
import { locateTask } from './call-graph';
import { waitingFuture } from './task-sleep';

/** "task 'worker'" or "Lock#1": what a waiting task waits on, for reports. */
export function describeWaitTarget(future: Future<unknown>): string {
  return future instanceof Task ? `task '${future.getName()}'` : future.label;
}

/** The deadlock message: names every waiting task and what it waits on, in creation order. */
export function describeDeadlock(loop: EventLoop): string {
  const lines: string[] = [];
  for (const task of loop.liveTasks) {
    const waiter = waitingFuture(task);
    lines.push(
      `  task '${task.getName()}' waits on ${waiter === null ? 'nothing (not scheduled)' : describeWaitTarget(waiter)}`
    );
  }
  const head = `deadlock: every task is waiting and nothing can wake them up (no timer, no outside promise):\n${lines.join('\n')}`;
  // Like `python -m asyncio pstree`: name the cycles of tasks awaiting each other, then the tree.
  const cycles = findCycles(waitsOn(loop)).map(c => `\ncycle: ${c} (these tasks await each other, so none can finish)`);
  return `${head}${cycles.join('')}\nawait graph:\n${renderAwaitTree(loop, locateTask)}`;
}

/** End-of-run reports: never-awaited coroutines, then exceptions nobody retrieved (rule 11). */
export function addEndOfRunWarnings(loop: EventLoop): void {
  for (const coro of loop.neverStartedCoroutines()) {
    loop.warn(`RuntimeWarning: coroutine '${coro.name}' was never awaited`);
  }
  const sleeps = loop.sleepCounter;
  for (let i = sleeps.started; i < sleeps.created; i++)
    loop.warn(`RuntimeWarning: coroutine 'sleep' was never awaited`);
  for (const task of loop.failedTasks) {
    if (task._logTraceback) {
      task._logTraceback = false;
      loop.warn(
        `Task exception was never retrieved: task '${task.getName()}' raised ${describeError(task._exception)}`,
        task._exception,
        task
      );
    }
  }
}
