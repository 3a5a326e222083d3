/**
 * Tells the scheduler's await graph where cell coroutines are: the await a suspended coroutine
 * waits at, and the cell line running now, as "In[3], line 4" plus that line's code.
 */
import type { Coroutine, CodeLocation, CoroutineLocator } from '../scheduler';
import { suspensionOf } from './await-marks';
import { cellFrames, frameAt, type CellFrame, type CellRegistry } from './stack-frames';

/** "In[3], line 4" and the trimmed code of that line. */
export function describeFrame(frame: CellFrame): CodeLocation {
  const code = (frame.cell.source.split('\n')[frame.line - 1] ?? '').trim();
  return { location: `${frame.cell.cellLabel}, line ${frame.line}`, code: code.length > 80 ? `${code.slice(0, 79)}…` : code };
}

/** The locator for a session's cells (`registry` maps stack frames of the running code). */
export function cellLocator(registry: CellRegistry): CoroutineLocator {
  return {
    suspended(coro: Coroutine<unknown>): CodeLocation | null {
      const at = suspensionOf(coro._locationKey());
      return at === null ? null : describeFrame(frameAt(at.cell, at.offset));
    },
    running(): CodeLocation | null {
      // The innermost cell frame of this call: the line that asked for the graph.
      const frames = cellFrames(new Error().stack ?? '', registry);
      const innermost = frames[frames.length - 1];
      return innermost === undefined ? null : describeFrame(innermost);
    }
  };
}
