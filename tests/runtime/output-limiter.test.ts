import { describe, expect, it } from 'vitest';
import {
  OUTPUT_HEAD_CHARS,
  OUTPUT_HEAD_LINES,
  OUTPUT_TAIL_LINES,
  OutputLimiter,
  type OutputPiece
} from '../../src/runtime/output-limiter';

function collect() {
  const pieces: OutputPiece<string>[] = [];
  const limiter = new OutputLimiter<string>(piece => pieces.push(piece));
  const text = () => pieces.map(p => (p.kind === 'text' ? `${p.stream}:${p.text}` : `[${p.item}]`)).join('');
  return { limiter, pieces, text };
}

describe('OutputLimiter', () => {
  it('passes short output through unchanged, in order', () => {
    const { limiter, pieces } = collect();
    limiter.write('stdout', 'a\n');
    limiter.add('chart');
    limiter.write('stderr', 'b\n');
    limiter.finish();
    expect(pieces).toEqual([
      { kind: 'text', stream: 'stdout', text: 'a\n' },
      { kind: 'item', item: 'chart' },
      { kind: 'text', stream: 'stderr', text: 'b\n' }
    ]);
  });

  it('keeps exactly the head lines, then the tail lines after a note, across streams and items', () => {
    const { limiter, pieces } = collect();
    const total = OUTPUT_HEAD_LINES + 5_000;
    for (let i = 0; i < total; i++) {
      if (i === total - 3) limiter.add('late display');
      else limiter.write(i % 2 ? 'stderr' : 'stdout', `${i}\n`);
    }
    const beforeFinish = pieces.length;
    limiter.finish();
    const head = pieces.slice(0, beforeFinish).map(p => (p.kind === 'text' ? p.text : ''));
    expect(head.join('').split('\n').length - 1).toBe(OUTPUT_HEAD_LINES);
    const note = pieces[beforeFinish];
    expect(note.kind === 'text' && note.text).toContain(
      `${(total - OUTPUT_HEAD_LINES - OUTPUT_TAIL_LINES).toLocaleString('en-US')} lines`
    );
    const tail = pieces.slice(beforeFinish + 1);
    expect(tail).toHaveLength(OUTPUT_TAIL_LINES);
    expect(tail.at(-1)).toEqual({ kind: 'text', stream: 'stderr', text: `${total - 1}\n` });
    expect(tail).toContainEqual({ kind: 'item', item: 'late display' });
  });

  it('cuts one huge line by characters and keeps its end', () => {
    const { limiter, text } = collect();
    limiter.write('stdout', 'x'.repeat(OUTPUT_HEAD_CHARS * 5) + 'END');
    limiter.finish();
    const out = text();
    expect(out.startsWith('stdout:' + 'x'.repeat(100))).toBe(true);
    expect(out).toMatch(/output elided: [\d,]+ characters/);
    expect(out.endsWith('xEND')).toBe(true);
    expect(out.length).toBeLessThan(OUTPUT_HEAD_CHARS * 2);
  });
});
