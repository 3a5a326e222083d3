import { formatValue } from './format-value';

/** Throws TypeError/RangeError unless `value` is a finite number >= 0 (names caller and argument). */
export function checkDelay(caller: string, argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    const error = typeof value === 'number' ? RangeError : TypeError;
    throw new error(`${caller}: ${argument} must be a finite number >= 0, got ${formatValue(value)}`);
  }
  return value;
}

/** Like checkDelay, but null means "no limit". */
export function checkOptionalDelay(caller: string, argument: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  return checkDelay(caller, argument, value);
}

/** Throws unless `value` is a finite number (any sign), e.g. an absolute deadline. */
export function checkFinite(caller: string, argument: string, value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value) || !Number.isFinite(value)) {
    throw new TypeError(`${caller}: ${argument} must be a finite number, got ${formatValue(value)}`);
  }
  return value;
}

/** Throws unless `value` is an integer >= min. */
export function checkInteger(caller: string, argument: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const error = typeof value === 'number' ? RangeError : TypeError;
    throw new error(`${caller}: ${argument} must be an integer >= ${min}, got ${formatValue(value)}`);
  }
  return value;
}

const NO_OPTIONS: Record<string, unknown> = Object.freeze({});

/** Throws unless `value` is undefined or a plain options object (undefined gives a shared {}). */
export function checkOptions(caller: string, value: unknown): Record<string, unknown> {
  if (value === undefined) return NO_OPTIONS;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`${caller}: options must be an object, got ${formatValue(value)}`);
  }
  return value as Record<string, unknown>;
}
