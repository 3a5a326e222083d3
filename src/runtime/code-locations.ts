/**
 * Tells the scheduler where cell code is (its CoroutineLocator): the await a suspended coroutine
 * waits at, the cell line running now, the line an error was raised at, as "In[3], line 4" plus
 * that line's code. Suspension points are cached per cell and await, so the trace can ask at
 * every suspension without building strings.
 */
import type { CodeLocation, CodePoint, Coroutine, CoroutineLocator } from '../scheduler';
import type { CompiledCell } from '../compiler';
import type { SuspensionRecord } from './await-marks';
import { cellFrames, frameAt, type CellFrame, type CellRegistry } from './stack-frames';

/** "In[3], line 4" and the trimmed code of that line. */
export function describeFrame(frame: CellFrame): CodeLocation {
  const code = (frame.cell.source.split('\n')[frame.line - 1] ?? '').trim();
  return {
    cell: frame.cell.cellLabel,
    line: frame.line,
    location: `${frame.cell.cellLabel}, line ${frame.line}`,
    code: code.length > 80 ? `${code.slice(0, 79)}…` : code
  };
}

const awaitLocations = new WeakMap<CompiledCell, Map<number, CodeLocation>>();

/** The location of an await of `cell` (cached). */
function awaitLocation(cell: CompiledCell, offset: number): CodeLocation {
  let byOffset = awaitLocations.get(cell);
  if (byOffset === undefined) awaitLocations.set(cell, (byOffset = new Map()));
  let location = byOffset.get(offset);
  if (location === undefined) byOffset.set(offset, (location = describeFrame(frameAt(cell, offset))));
  return location;
}

/** The locator for a session's cells (`registry` maps stack frames to cells). */
export function cellLocator(registry: CellRegistry): CoroutineLocator {
  return {
    suspended(coro: Coroutine<unknown>): CodeLocation | null {
      // A cell coroutine carries the mark of the await it is suspended at (await-marks).
      const mark = (coro as { mark?: unknown }).mark as SuspensionRecord | null | undefined;
      if (!mark || mark.cell === null || mark.index < 0) return null;
      const offset = mark.cell.awaits[mark.index];
      return offset === undefined ? null : awaitLocation(mark.cell, offset);
    },
    running(): CodeLocation | null {
      // The innermost cell frame of this call: the line that asked.
      const frames = cellFrames(new Error().stack ?? '', registry);
      const innermost = frames[frames.length - 1];
      return innermost === undefined ? null : describeFrame(innermost);
    },
    raisedAt(error: unknown): CodePoint | null {
      const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
      const frames = cellFrames(stack, registry);
      const innermost = frames[frames.length - 1];
      return innermost === undefined ? null : { cell: innermost.cell.cellLabel, line: innermost.line };
    }
  };
}
