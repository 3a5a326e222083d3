import type { EventLoop } from './event-loop';
import { RuntimeError } from './errors';

/** The loop whose code is running right now (set while a loop drives its tasks). */
let runningLoop: EventLoop | null = null;

/** The running loop, or null outside of one. */
export function getRunningLoop(): EventLoop | null {
  return runningLoop;
}

/** True while a loop drives its tasks (false in callbacks that run while every loop is parked). */
export function isLoopRunning(): boolean {
  return runningLoop !== null;
}

/** Sets the running loop, returning the previous one (the driver restores it when it parks). */
export function setRunningLoop(loop: EventLoop | null): EventLoop | null {
  const previous = runningLoop;
  runningLoop = loop;
  return previous;
}

/** The running loop, or a RuntimeError naming the caller (asyncio's "no running event loop"). */
export function requireRunningLoop(caller: string): EventLoop {
  if (runningLoop === null) throw new RuntimeError(`${caller}: no running event loop`);
  return runningLoop;
}
