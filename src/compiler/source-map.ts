/**
 * Maps a position in the JavaScript compiled from a cell back to the cell's own TypeScript
 * position, with the source map TypeScript emits (read by @jridgewell/trace-mapping).
 */
import { GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND, originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

/** A cell's source map, decoded on first use. */
export type DecodedSourceMap = TraceMap;

/** A position, 0-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** Reads the source map TypeScript emitted for a cell (JSON text). */
export function decodeSourceMap(json: string): DecodedSourceMap {
  return new TraceMap(json);
}

/**
 * The original position of a generated one: the mapping at or before the column on its line,
 * else the line's first mapping; undefined when the line has no mapping.
 */
export function originalPosition(map: DecodedSourceMap, generated: Position): Position | undefined {
  const needle = { line: generated.line + 1, column: generated.column };
  let found = originalPositionFor(map, { ...needle, bias: GREATEST_LOWER_BOUND });
  // A column before the line's first mapping (e.g. indentation) takes that first mapping.
  if (found.line === null) found = originalPositionFor(map, { ...needle, bias: LEAST_UPPER_BOUND });
  return found.line === null ? undefined : { line: found.line - 1, column: found.column };
}
