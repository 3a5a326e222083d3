import { describe, expect, it } from 'vitest';
import { cutToWidth, displayWidth, neutraliseText, padToWidth } from '../../src/chart/text-width';

describe('text width', () => {
  it('counts East Asian wide characters and emoji as two columns, combining marks as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('🎉')).toBe(2);
    expect(displayWidth('👨‍👩‍👧')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('한글')).toBe(4);
  });

  it('pads and cuts by columns, never inside a character', () => {
    expect(padToWidth('日本', 6)).toBe('日本  ');
    expect(cutToWidth('日本語の名前', 7)).toBe('日本語…');
    expect(cutToWidth('short', 10)).toBe('short');
  });

  it('escapes bidi controls, control characters, noncharacters and lone surrogates', () => {
    expect(neutraliseText('a\u202Eb\u2066c\u0000d\uFFFEe\uD800f\tg')).toBe(
      'a\\u202Eb\\u2066c\\u0000d\\uFFFEe\\uD800f\\u0009g'
    );
    expect(neutraliseText('ok 🎉 日本')).toBe('ok 🎉 日本');
  });
});
