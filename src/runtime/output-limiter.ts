/**
 * Keeps a cell's output bounded without losing its end: the first OUTPUT_HEAD_LINES lines (or
 * OUTPUT_HEAD_CHARS characters) pass through as they are printed; after that only the last
 * OUTPUT_TAIL_LINES lines (OUTPUT_TAIL_CHARS characters) are kept, and when the cell ends a note
 * says how much was elided, followed by that tail. A million prints or a 10 MB string thus give
 * a readable output that still shows how the cell ended.
 */

/** Lines that pass through before the limiter starts keeping only the tail. */
export const OUTPUT_HEAD_LINES = 2_000;
/** Characters that pass through before the limiter starts keeping only the tail. */
export const OUTPUT_HEAD_CHARS = 200_000;
/** Lines kept from the end of a long output. */
export const OUTPUT_TAIL_LINES = 500;
/** Characters kept from the end of a long output. */
export const OUTPUT_TAIL_CHARS = 50_000;

/** A piece of output: stream text, or another output (display_data) that is never split. */
export type OutputPiece<T> = { kind: 'text'; stream: 'stdout' | 'stderr'; text: string } | { kind: 'item'; item: T };

/** Head + tail limiter over an ordered sequence of output pieces. */
export class OutputLimiter<T> {
  private headLines = 0;
  private headChars = 0;
  private tailing = false;
  private readonly tail: OutputPiece<T>[] = [];
  private tailStart = 0;
  private tailLines = 0;
  private tailChars = 0;
  private elidedLines = 0;
  private elidedChars = 0;
  private elidedStream: 'stdout' | 'stderr' = 'stdout';

  /** `pass` receives the pieces that go out now. */
  constructor(private readonly pass: (piece: OutputPiece<T>) => void) {}

  /** Adds printed text. */
  write(stream: 'stdout' | 'stderr', text: string): void {
    if (text === '') return;
    if (!this.tailing) {
      const cut = this.headCut(text);
      if (cut === text.length) {
        this.pass({ kind: 'text', stream, text });
        return;
      }
      if (cut > 0) this.pass({ kind: 'text', stream, text: text.slice(0, cut) });
      this.tailing = true;
      this.elidedStream = stream;
      text = text.slice(cut);
    }
    this.pushTail({ kind: 'text', stream, text });
  }

  /** Adds a non-text output (counted as one line, never split). */
  add(item: T): void {
    if (!this.tailing && this.headLines < OUTPUT_HEAD_LINES) {
      this.headLines++;
      this.pass({ kind: 'item', item });
      return;
    }
    this.tailing = true;
    this.pushTail({ kind: 'item', item });
  }

  /** Ends the output: the elision note (if anything was elided) and the kept tail go out. */
  finish(): void {
    if (this.elidedLines > 0 || this.elidedChars > 0) {
      this.pass({ kind: 'text', stream: this.elidedStream, text: elisionNote(this.elidedLines, this.elidedChars) });
    }
    for (let i = this.tailStart; i < this.tail.length; i++) this.pass(this.tail[i]);
    this.tail.length = 0;
    this.tailStart = 0;
  }

  /** How much of `text` still fits into the head (an index into text), updating the counts. */
  private headCut(text: string): number {
    if (this.headLines >= OUTPUT_HEAD_LINES) return 0;
    const charRoom = OUTPUT_HEAD_CHARS - this.headChars;
    let end = Math.min(text.length, Math.max(0, charRoom));
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
      lines++;
      if (this.headLines + lines >= OUTPUT_HEAD_LINES) {
        end = i + 1;
        break;
      }
    }
    this.headLines += lines;
    this.headChars += end;
    return end;
  }

  private pushTail(piece: OutputPiece<T>): void {
    this.tail.push(piece);
    const [lines, chars] = measure(piece);
    this.tailLines += lines;
    this.tailChars += chars;
    while (this.tailLines > OUTPUT_TAIL_LINES || this.tailChars > OUTPUT_TAIL_CHARS) this.dropFromTail();
    // Compact the array once the dropped prefix dominates, so memory stays bounded.
    if (this.tailStart > 1024 && this.tailStart * 2 > this.tail.length) {
      this.tail.splice(0, this.tailStart);
      this.tailStart = 0;
    }
  }

  /** Drops the oldest line (or characters) of the tail, counting what was elided. */
  private dropFromTail(): void {
    const first = this.tail[this.tailStart];
    if (first.kind === 'item') {
      this.tailStart++;
      this.tailLines--;
      this.elidedLines++;
      return;
    }
    const text = first.text;
    let cut: number;
    if (this.tailLines > OUTPUT_TAIL_LINES) {
      const newline = text.indexOf('\n');
      cut = newline < 0 ? text.length : newline + 1;
    } else {
      cut = Math.min(text.length, this.tailChars - OUTPUT_TAIL_CHARS);
      // Cut a whole line when the excess ends within one, so the tail starts at a line start.
      const newline = text.indexOf('\n');
      if (newline >= cut && newline - cut < 200) cut = newline + 1;
    }
    const removed = text.slice(0, cut);
    const removedLines = countNewlines(removed);
    this.tailLines -= removedLines;
    this.tailChars -= removed.length;
    this.elidedLines += removedLines;
    this.elidedChars += removed.length;
    if (cut >= text.length) this.tailStart++;
    else this.tail[this.tailStart] = { ...first, text: text.slice(cut) };
  }
}

function measure<T>(piece: OutputPiece<T>): [lines: number, chars: number] {
  return piece.kind === 'item' ? [1, 0] : [countNewlines(piece.text), piece.text.length];
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The note that replaces the elided middle of a long output. */
export function elisionNote(lines: number, chars: number): string {
  const format = (n: number) => n.toLocaleString('en-US');
  const what = lines > 0 ? `${format(lines)} lines (${format(chars)} characters)` : `${format(chars)} characters`;
  return (
    `\n… [output elided: ${what} in the middle were dropped; kept the first ` +
    `${format(OUTPUT_HEAD_LINES)} lines / ${format(OUTPUT_HEAD_CHARS)} characters and the last ` +
    `${format(OUTPUT_TAIL_LINES)} lines / ${format(OUTPUT_TAIL_CHARS)} characters] …\n`
  );
}
