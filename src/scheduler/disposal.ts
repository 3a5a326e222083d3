import { coroutineFrom, type Coroutine } from './coroutine';

/**
 * The scheduler's `async with` protocol for `await using`: an object with these methods gets
 * them called instead of Symbol.asyncDispose. ENTER runs when the resource is bound (asyncio's
 * __aenter__, which never suspends for TaskGroup and timeout); EXIT gets the body's error
 * (asyncio's __aexit__): it may return true to suppress it, throw to replace it, or return an
 * awaitable (a Coroutine) the disposal awaits first.
 */
export const AENTER: unique symbol = Symbol.for('coroutine-cells.aenter') as any;
/** See AENTER. */
export const AEXIT: unique symbol = Symbol.for('coroutine-cells.aexit') as any;

/** A resource with the scheduler's exit protocol. */
export interface AsyncContextManager {
  [AENTER]?(): void;
  [AEXIT](error: unknown, hasError: boolean): unknown;
}

/** What the compiled code keeps per `using` block (TypeScript's env object). */
export interface DisposableEnv {
  stack: DisposableEntry[];
  error: unknown;
  hasError: boolean;
}

interface DisposableEntry {
  value?: unknown;
  dispose?: (this: unknown) => unknown;
  exit?: (this: unknown, error: unknown, hasError: boolean) => unknown;
  async: boolean;
}

const asyncDisposeSymbol: symbol =
  (Symbol as { asyncDispose?: symbol }).asyncDispose ?? Symbol.for('Symbol.asyncDispose');
const disposeSymbol: symbol = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('Symbol.dispose');

/** tslib's __addDisposableResource, plus the scheduler's enter/exit protocol for `await using`. */
export function __addDisposableResource<V>(env: DisposableEnv, value: V, async: boolean): V {
  if (value !== null && value !== undefined) {
    if (typeof value !== 'object' && typeof value !== 'function') throw new TypeError('Object expected.');
    const obj = value as unknown as Record<symbol, unknown>;
    if (async && typeof obj[AEXIT] === 'function') {
      const enter = obj[AENTER];
      if (typeof enter === 'function') enter.call(value);
      env.stack.push({ value, exit: obj[AEXIT] as DisposableEntry['exit'], async: true });
      return value;
    }
    let dispose = async ? obj[asyncDisposeSymbol] : undefined;
    if (dispose === undefined) dispose = obj[disposeSymbol];
    if (typeof dispose !== 'function') throw new TypeError('Object not disposable.');
    env.stack.push({ value, dispose: dispose as DisposableEntry['dispose'], async });
  } else if (async) {
    env.stack.push({ async: true });
  }
  return value;
}

function suppressed(error: unknown, suppressedError: unknown): Error {
  const Ctor = (globalThis as { SuppressedError?: new (e: unknown, s: unknown, m: string) => Error }).SuppressedError;
  if (Ctor) return new Ctor(error, suppressedError, 'An error was suppressed during disposal.');
  const e = new Error('An error was suppressed during disposal.') as Error & { error: unknown; suppressed: unknown };
  e.name = 'SuppressedError';
  e.error = error;
  e.suppressed = suppressedError;
  return e;
}

function fail(env: DisposableEnv, error: unknown): void {
  env.error = env.hasError ? suppressed(error, env.error) : error;
  env.hasError = true;
}

function* disposeAll(env: DisposableEnv): Generator<unknown, void, unknown> {
  let entry: DisposableEntry | undefined;
  while ((entry = env.stack.pop()) !== undefined) {
    try {
      if (entry.exit) {
        let outcome = entry.exit.call(entry.value, env.hasError ? env.error : undefined, env.hasError);
        if (outcome !== null && typeof outcome === 'object') outcome = yield outcome;
        if (outcome === true && env.hasError) {
          env.hasError = false;
          env.error = undefined;
        }
      } else if (entry.dispose) {
        const outcome = entry.dispose.call(entry.value);
        if (entry.async) yield outcome;
      }
    } catch (error) {
      // An exit that raises replaces the body's error, as __aexit__ does; a plain dispose that
      // throws wraps it in a SuppressedError, as JavaScript does.
      if (entry.exit) {
        env.error = error;
        env.hasError = true;
      } else {
        fail(env, error);
      }
    }
  }
  if (env.hasError) throw env.error;
}

/**
 * tslib's __disposeResources: with any `await using` resource it returns a Coroutine the
 * compiled code awaits (it throws the block's error at the end); with only `using`, it
 * disposes synchronously and throws the error, or returns undefined.
 */
export function __disposeResources(env: DisposableEnv): Coroutine<void> | undefined {
  if (env.stack.some(entry => entry.async)) {
    return coroutineFrom<void>('__aexit__', disposeAll(env));
  }
  let entry: DisposableEntry | undefined;
  while ((entry = env.stack.pop()) !== undefined) {
    try {
      if (entry.dispose) entry.dispose.call(entry.value);
    } catch (error) {
      fail(env, error);
    }
  }
  if (env.hasError) throw env.error;
  return undefined;
}
