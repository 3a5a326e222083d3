/**
 * The host API the scheduler may use: what browsers, Web Workers and Node all provide (timers,
 * a monotonic clock, the console) plus the two it looks for before use (setImmediate,
 * MessageChannel). Only the scheduler's own tsconfig reads this file (the build sees the full
 * DOM and Node types), so the scheduler cannot use anything else of the DOM or of Node without
 * `npm run check:layers` failing (docs/architecture.md).
 */

declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(id: unknown): void;
/** Node only: the scheduler checks `typeof setImmediate === 'function'` first. */
declare const setImmediate: ((callback: () => void) => unknown) | undefined;
/** Browsers and Web Workers: checked with `typeof MessageChannel === 'function'` first. */
declare const MessageChannel:
  (new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(message: null): void } }) | undefined;
declare const performance: { now(): number };
declare const console: { log(...data: unknown[]): void; error(...data: unknown[]): void };
