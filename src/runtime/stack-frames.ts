/**
 * Reads an Error's stack and maps the frames that belong to compiled cells back to the cells'
 * own TypeScript (line, column, enclosing function), through each cell's source map.
 */
import { originalPosition, type CompiledCell } from '../compiler';
import { awaitFrames } from './await-marks';

/** A frame of a cell: 1-based line and column in the cell's TypeScript source. */
export interface CellFrame {
  cell: CompiledCell;
  line: number;
  column: number;
  /** The enclosing function's name, or undefined at the cell's top level. */
  functionName: string | undefined;
}

/** The compiled cells of a session, by their sourceURL (the newest ones are kept). */
export class CellRegistry {
  private readonly cells = new Map<string, CompiledCell>();
  constructor(private readonly capacity = 500) {}

  /** Remembers a compiled cell. */
  add(cell: CompiledCell): void {
    this.cells.set(cell.url, cell);
    if (this.cells.size > this.capacity) this.cells.delete(this.cells.keys().next().value as string);
  }

  /** The cell compiled with this sourceURL, if still known. */
  get(url: string): CompiledCell | undefined {
    return this.cells.get(url);
  }

  /** Forgets every cell. */
  clear(): void {
    this.cells.clear();
  }
}

// V8: "    at name (url:line:col)" or "    at url:line:col"; Firefox/Safari: "name@url:line:col".
const V8_FRAME = /^\s*at (?:.*? \()?(.*?):(\d+):(\d+)\)?$/;
const GECKO_FRAME = /^[^@]*@(.*?):(\d+):(\d+)$/;

/** The cell frames of `stack`, outermost first (Python's "most recent call last"). */
export function cellFrames(stack: string, registry: CellRegistry): CellFrame[] {
  const frames: CellFrame[] = [];
  for (const line of stack.split('\n')) {
    const match = V8_FRAME.exec(line) ?? GECKO_FRAME.exec(line);
    if (!match) continue;
    const cell = registry.get(match[1]);
    if (!cell) continue;
    const frame = mapFrame(cell, Number(match[2]), Number(match[3]));
    if (frame) frames.push(frame);
  }
  return frames.reverse();
}

/**
 * Every cell frame of an exception, outermost first: the awaits it passed through on its way out
 * (recorded by await-marks), then the frames of its stack (where it was raised).
 */
export function errorFrames(error: unknown, registry: CellRegistry): CellFrame[] {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : '';
  const passed: CellFrame[] = [];
  for (const f of awaitFrames(error)) {
    const frame = frameAt(f.cell, f.offset);
    // An async recursion passes one await many times: the same frame, repeated (elided when shown).
    for (let i = 0; i <= (f.repeated ?? 0); i++) passed.push(frame);
  }
  passed.reverse();
  return [...passed, ...cellFrames(stack, registry)];
}

/** The frame of a source offset of `cell`. */
export function frameAt(cell: CompiledCell, offset: number): CellFrame {
  const before = cell.source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { cell, line, column, functionName: functionAt(cell, offset) };
}

/** The innermost function of `cell` containing `offset` (ranges are sorted outermost first). */
function functionAt(cell: CompiledCell, offset: number): string | undefined {
  let name: string | undefined;
  for (const range of cell.functions) {
    if (range.start <= offset && offset < range.end) name = range.name;
  }
  return name;
}

/** Maps a 1-based generated (line, column) of `cell.code` to the cell's source. */
export function mapFrame(cell: CompiledCell, line: number, column: number): CellFrame | undefined {
  const position = originalPosition(cell.sourceMap, { line: line - 1 - cell.lineOffset, column: column - 1 });
  if (!position) return undefined;
  let offset = offsetOf(cell.source, position.line, position.column);
  let originalColumn = position.column;
  // V8 reports a call through the scope (`(0, __cc_scope.f)(x)`) at its argument list's `(`:
  // point at the called name instead, as for an ordinary call.
  if (cell.source[offset] === '(') {
    let start = offset;
    while (start > 0 && /[\w$]/.test(cell.source[start - 1])) start--;
    originalColumn -= offset - start;
    offset = start;
  }
  return { cell, line: position.line + 1, column: originalColumn + 1, functionName: functionAt(cell, offset) };
}

/** The offset of a 0-based (line, column) in `source`. */
function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) break;
    offset = next + 1;
  }
  return offset + column;
}

/**
 * The stack as a student should read it: the message, then only the frames in cells, with the
 * cells' own labels and TypeScript positions (`at task1 (cell[2]:3:9)`); the runtime's and the
 * scheduler's frames are left out. A stack without cell frames is returned unchanged.
 */
export function cellStack(stack: string, registry: CellRegistry): string {
  const lines = stack.split('\n');
  const firstFrame = lines.findIndex(line => V8_FRAME.test(line) || GECKO_FRAME.test(line));
  if (firstFrame < 0) return stack;
  const frames = cellFrames(stack, registry).reverse();
  if (frames.length === 0) return stack;
  const shown = frames.map(f => `    at ${f.functionName ?? '<cell>'} (${f.cell.cellLabel}:${f.line}:${f.column})`);
  return [...lines.slice(0, firstFrame), ...shown].join('\n');
}
