/**
 * Text as a terminal shows it, for the plain-text timeline: how many columns a string takes
 * (East Asian wide characters and emoji take two, combining marks none), and user text made safe
 * to show in a column layout (bidi controls that would reverse the rest of the line, other
 * control characters and lone surrogates become visible escapes).
 */

/** Bidi embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) and marks. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** C0/C1 controls (a tab or newline would break the layout too) and the noncharacters U+FFFE/U+FFFF. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
/** A surrogate half without its partner. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with bidi controls, control characters and lone surrogates written as `\u202E` escapes. */
export function neutraliseText(text: string): string {
  const escape = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return text.replace(BIDI, escape).replace(CONTROL, escape).replace(LONE_SURROGATE, escape);
}

/** Code points two columns wide: East Asian Wide/Fullwidth ranges (Unicode 15, main blocks). */
const WIDE_RANGES: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd]
];

/** Zero-width: combining marks, variation selectors, joiners and other format characters. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;

function isWide(codePoint: number): boolean {
  let low = 0;
  let high = WIDE_RANGES.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [from, to] = WIDE_RANGES[mid];
    if (codePoint < from) high = mid - 1;
    else if (codePoint > to) low = mid + 1;
    else return true;
  }
  return false;
}

/** Columns one code point takes. */
function codePointWidth(ch: string): number {
  const code = ch.codePointAt(0) as number;
  if (code < 0x300) return 1; // ASCII and Latin: the common case, no lookups
  if (ZERO_WIDTH.test(ch)) return 0;
  return isWide(code) ? 2 : 1;
}

/**
 * Columns `text` takes in a terminal: by grapheme cluster, so an emoji sequence joined by
 * U+200D or followed by the emoji variation selector U+FE0F counts as one two-column glyph.
 */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const cluster of graphemes(text)) {
    let w = 0;
    for (const ch of cluster) w = Math.max(w, codePointWidth(ch));
    if (cluster.includes('\uFE0F')) w = 2;
    width += w;
  }
  return width;
}

/** `text` padded with spaces to `width` columns (never cut). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** `text` cut to at most `width` columns, ending in "…" when cut (never inside a cluster). */
export function cutToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const cluster of graphemes(text)) {
    const w = displayWidth(cluster);
    if (used + w > width - 1) break;
    out += cluster;
    used += w;
  }
  return out + '\u2026';
}

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;

function graphemes(text: string): Iterable<string> {
  if (segmenter === null) return Array.from(text);
  return Array.from(segmenter.segment(text), s => s.segment);
}
