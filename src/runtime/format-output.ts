/**
 * Text of printed values, exactly as Node prints them: `print(...args)` joins its arguments with
 * spaces, strings as they are and other values through util.inspect (node-inspect-extracted, the
 * same code in the worker and in Node); `console.log` uses util.format (with %s, %d, ...).
 */
import { format, inspect } from 'node-inspect-extracted';
import type { JSONValue, MimeBundle } from '../protocol';

/** Turns an Error's stack into the one to show (the cells' own positions); identity by default. */
export type StackView = (stack: string) => string;

/** An Error whose stack reads in the cells' positions (the error itself is not changed). */
function withCellStack(value: unknown, view: StackView | undefined): unknown {
  if (!view || !(value instanceof Error) || typeof value.stack !== 'string') return value;
  const stack = view(value.stack);
  if (stack === value.stack) return value;
  return Object.create(value, { stack: { value: stack, enumerable: false, configurable: true } });
}

/** The text `print(...args)` writes, without the final newline. */
export function formatPrintArgs(args: readonly unknown[], view?: StackView): string {
  let text = '';
  for (let i = 0; i < args.length; i++) {
    const arg = withCellStack(args[i], view);
    if (i > 0) text += ' ';
    text += typeof arg === 'string' ? arg : inspect(arg);
  }
  return text;
}

/** The text `console.log(...args)` writes, without the final newline (Node's util.format). */
export function formatConsoleArgs(args: readonly unknown[], view?: StackView): string {
  return format(...args.map(arg => withCellStack(arg, view)));
}

/** The text/plain form of a value (execute_result, display). */
export function inspectValue(value: unknown): string {
  return inspect(value);
}

/** A plain object whose keys all look like MIME types, e.g. { 'text/html': '<b>hi</b>' }. */
export function isMimeBundle(value: unknown): value is MimeBundle {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every(key => /^[a-z]+\/[-+.\w]+$/i.test(key));
}

/** The MIME bundle `display(value)` shows: the bundle itself, or the value's text. */
export function displayBundle(value: unknown): MimeBundle {
  if (isMimeBundle(value)) {
    // Keep only JSON data: a MIME bundle goes into the .ipynb as it is.
    return JSON.parse(JSON.stringify(value)) as { [mime: string]: JSONValue };
  }
  return { 'text/plain': inspectValue(value) };
}
