/**
 * Finding 11: the text timeline measures names in terminal columns (CJK and emoji take two) and
 * escapes bidi controls, so no name shifts or reverses the bars; the PNG renders whatever
 * strings a cell printed or named its tasks with.
 */
import { describe, expect, it } from 'vitest';
import { renderChartPng } from '../../src/chart/render-png';
import { runSource } from '../runtime/run-source';

const VEGALITE = 'application/vnd.vegalite.v5+json';

/** Terminal columns of the test's own names (measured here, independently of the code under test). */
function columns(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\u200D\p{Extended_Pictographic}/gu, '')) {
    width += /[\u3000-\u9FFF]|\p{Extended_Pictographic}/u.test(ch) ? 2 : 1;
  }
  return width;
}

async function chartOf(source: string) {
  const result = await runSource(source);
  const chart = result.outputs.find(o => o.output_type === 'display_data' && o.data[VEGALITE] !== undefined);
  if (!chart || chart.output_type !== 'display_data') throw new Error('no chart');
  return { spec: chart.data[VEGALITE] as object, text: chart.data['text/plain'] as string, stdout: result.stdout };
}

const NAMED = (names: string[]) =>
  `async function w() { await sleep(1); }\n${names.map(n => `createTask(w(), { name: ${JSON.stringify(n)} });`).join('\n')}\nawait sleep(2);`;

describe('finding 11: text timeline', () => {
  it('double-width task names (CJK, emoji) do not shift the bars', async () => {
    const { text } = await chartOf(NAMED(['plain', '日本語の名前', 'emoji🎉🎉', 'family👨‍👩‍👧']));
    const rows = text.split('\n').filter(line => line.includes('#') && !line.startsWith('legend'));
    expect(rows).toHaveLength(5);
    // Every bar starts in the same terminal column.
    const starts = rows.map(line => columns(line.slice(0, line.indexOf('#'))));
    expect(new Set(starts).size).toBe(1);
  });

  it('bidi controls in names and values are shown escaped, never as controls', async () => {
    const { text } = await chartOf(
      'async function w() { await sleep(1); return "\\u2067value"; }\ncreateTask(w(), { name: "evil\\u202Eabc" });\nawait sleep(2);'
    );
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(text).toContain('evil\\u202Eabc');
    expect(text).toContain('\\u2067value');
  });
});

describe('finding 11: PNG rendering survives any string', () => {
  it('renders a chart whose names and prints hold U+FFFE, U+0000 and lone surrogates', async () => {
    const { spec } = await chartOf(
      'async function w() { print("p\\uFFFE\\u0000\\uD800"); await sleep(1); return "\\uFFFF\\uDC00"; }\n' +
        'createTask(w(), { name: "n\\uFFFE\\u0000" });\ncreateTask(w(), { name: "lone\\uD800" });\nawait sleep(2);'
    );
    const png = await renderChartPng(spec);
    expect(Buffer.from(png.subarray(0, 4)).toString('latin1')).toBe('\x89PNG');
  }, 30_000);
});
