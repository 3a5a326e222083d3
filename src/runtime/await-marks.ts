/**
 * Where each cell coroutine is suspended, so an exception thrown into it there (a cancellation,
 * a timeout, a failed task it awaited) can show that line in the traceback, as Python's
 * traceback lists every frame an exception passed through. The compiled code calls
 * `__cc_at(i, value)` just before it suspends at its i-th await, which marks the coroutine that
 * is stepping (the scheduler's markSuspension); the scheduler hands the mark back when an
 * exception is thrown into that coroutine (CoroutineHooks.onThrowInto).
 */
import type { CompiledCell } from '../compiler';
import { markSuspension } from '../scheduler';

/** An await of a cell: the mark a coroutine suspended there carries. */
export interface SuspensionRecord {
  cell: CompiledCell | null;
  index: number;
}

/** One await an exception passed through. */
export interface AwaitFrame {
  cell: CompiledCell;
  /** Offset of the await in the cell's source. */
  offset: number;
  /** How many more coroutines passed it on at this same await (an async recursion), if any. */
  repeated?: number;
  /** @internal the coroutine's record (a different coroutine at the same await is a new frame). */
  owner?: object;
}

const passedThrough = new WeakMap<object, AwaitFrame[]>();

/**
 * The `__cc_at` function for one compiled cell: marks the await the stepping coroutine is about
 * to suspend at (one store; the records are made once per await of the cell).
 */
export function awaitMarker(cell: CompiledCell): (index: number, value: unknown) => unknown {
  const records: SuspensionRecord[] = [];
  return (index, value) => {
    markSuspension(records[index] ?? (records[index] = { cell, index }));
    return value;
  };
}

/**
 * Records that `error` was thrown into a coroutine at the await described by `record`; `owner`
 * identifies the coroutine (its suspension record).
 */
export function recordPassage(
  error: unknown,
  record: { cell: CompiledCell | null; index: number },
  owner?: object
): void {
  if (record.cell === null || record.index < 0 || error === null || typeof error !== 'object') return;
  const offset = record.cell.awaits[record.index];
  if (offset === undefined) return;
  const frames = passedThrough.get(error) ?? [];
  const last = frames[frames.length - 1];
  if (last && last.cell === record.cell && last.offset === offset) {
    // The same await twice in a row: one coroutine re-awaiting after catching is one frame; other
    // coroutines there (an async recursion) are counted, so the traceback can say how many.
    if (owner !== undefined && last.owner !== owner) {
      last.repeated = (last.repeated ?? 0) + 1;
      last.owner = owner;
    }
  } else if (frames.length < 100) {
    frames.push({ cell: record.cell, offset, owner });
  }
  passedThrough.set(error, frames);
}

/** The awaits `error` was thrown into, innermost first. */
export function awaitFrames(error: unknown): readonly AwaitFrame[] {
  return error !== null && typeof error === 'object' ? (passedThrough.get(error) ?? []) : [];
}
