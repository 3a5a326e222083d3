/** Small deterministic formatters shared by the chart spec and the text timeline (no locale APIs). */

/** Formats an integer with comma thousands separators, e.g. 9950 -> "9,950". */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats a number with at most `decimals` decimals and no trailing zeros: 3 -> "3", 0.25 -> "0.25". */
export function formatNumber(value: number, decimals = 3): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = value.toFixed(decimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** The unit the chart uses on its time axis: seconds in virtual time, milliseconds in real time. */
export function timeUnit(clock: 'virtual' | 'real'): 's' | 'ms' {
  return clock === 'virtual' ? 's' : 'ms';
}

/** Converts trace seconds to the axis unit of `clock`. */
export function toAxisUnit(seconds: number, clock: 'virtual' | 'real'): number {
  return clock === 'virtual' ? seconds : seconds * 1000;
}

/** Formats trace seconds in the axis unit, e.g. "3 s" (virtual) or "12.5 ms" (real). */
export function formatTime(seconds: number, clock: 'virtual' | 'real'): string {
  const value = toAxisUnit(seconds, clock);
  const decimals = clock === 'virtual' ? 3 : 2;
  return `${formatNumber(value, decimals)} ${timeUnit(clock)}`;
}

/** Shortens `text` to at most `max` characters, ending with an ellipsis when cut. */
export function ellipsize(text: string, max: number): string {
  if (text.length <= max) return text;
  return text.slice(0, Math.max(0, max - 1)) + '\u2026';
}

/** Makes text single-line (newlines and tabs become visible escapes) for labels and tooltips. */
export function oneLine(text: string): string {
  return (
    text
      .replace(/\r?\n/g, '\u21b5 ')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex -- replacing control characters is the point
      .replace(/[\u0000-\u001f\u007f]/g, '?')
  );
}
