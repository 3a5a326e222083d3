import { formatValue } from './format-value';

/**
 * Python's `<` for the values a PriorityQueue holds: numbers with numbers, strings with strings,
 * arrays lexicographically (like tuples). Anything else is a TypeError, as in Python.
 */
export function pyLess(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'bigint' || typeof b === 'bigint') return (a as number) < (b as number);
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a < b;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (pyEqual(a[i], b[i])) continue;
      return pyLess(a[i], b[i]);
    }
    return a.length < b.length;
  }
  throw new TypeError(
    `'<' not supported between ${formatValue(a)} and ${formatValue(b)} (PriorityQueue items must be numbers, strings or arrays of them)`
  );
}

function pyEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => pyEqual(x, b[i]));
  return a === b;
}
