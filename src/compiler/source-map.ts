/**
 * A minimal source-map v3 reader: decodes the VLQ `mappings` of the map TypeScript emits and
 * maps a generated position back to the cell's own TypeScript position.
 */

/** One decoded segment: generated column, original line, original column (all 0-based). */
type Segment = [generatedColumn: number, line: number, column: number];

/** A decoded source map: segments per generated line, sorted by generated column. */
export interface DecodedSourceMap {
  readonly lines: Segment[][];
}

/** A position, 0-based line and column. */
export interface Position {
  line: number;
  column: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index]));

/** Decodes the `mappings` string of a source map (single source, names ignored). */
export function decodeMappings(mappings: string): DecodedSourceMap {
  const lines: Segment[][] = [];
  let line = 0;
  let column = 0;
  for (const lineText of mappings.split(';')) {
    const segments: Segment[] = [];
    let generatedColumn = 0;
    for (const segmentText of lineText.split(',')) {
      if (segmentText === '') continue;
      const fields = decodeVlq(segmentText);
      generatedColumn += fields[0];
      if (fields.length >= 4) {
        line += fields[2];
        column += fields[3];
        segments.push([generatedColumn, line, column]);
      }
    }
    lines.push(segments);
  }
  return { lines };
}

/** The original position of a generated one, or undefined when the line has no mapping. */
export function originalPosition(map: DecodedSourceMap, generated: Position): Position | undefined {
  const segments = map.lines[generated.line];
  if (!segments || segments.length === 0) return undefined;
  let best = segments[0];
  for (const segment of segments) {
    if (segment[0] > generated.column) break;
    best = segment;
  }
  return { line: best[1], column: best[2] };
}

/** Decodes one base64-VLQ segment into its signed fields. */
function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`decodeMappings(): bad base64 digit ${JSON.stringify(char)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}
