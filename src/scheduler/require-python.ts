/** The error a cell gets when it uses something its asyncio version does not have yet. */
import { RuntimeError } from './errors';
import { getRunningLoop } from './loop-state';

/**
 * Throws a RuntimeError when the running loop follows a version older than `minor`: `what` is
 * new in that version (e.g. Queue.shutdown() in 3.13), so a cell that uses it must say so.
 */
export function requirePython(what: string, minor: number): void {
  const loop = getRunningLoop();
  const running = loop === null ? 11 : loop.pythonMinor;
  if (running < minor) {
    throw new RuntimeError(
      `${what} is new in Python 3.${minor}; this cell follows Python 3.${running} asyncio. ` +
        `Add python=3.${minor} to the cell's first-line directive (// @coroutine-cells python=3.${minor}) ` +
        "or choose the version in the notebook's settings."
    );
  }
}
