/**
 * TypeScript's async-generator helpers (tslib's __await, __asyncGenerator, __asyncValues,
 * __asyncDelegator), rewritten so that `next()` returns a Coroutine the scheduler drives instead
 * of a Promise: awaits inside an async generator then suspend the consuming task like any await.
 */
import { coroutineFrom } from './coroutine';
import { RuntimeError } from './errors';

/** Marks an `await` inside an async generator (tslib's __await). */
export function __await(this: unknown, v: unknown): any {
  if (this instanceof (__await as any)) {
    (this as { v: unknown }).v = v;
    return this;
  }
  return new (__await as any)(v);
}

type Method = 'next' | 'throw' | 'return';
type Gen = Generator<unknown, unknown, unknown>;

interface GeneratorState {
  running: boolean;
}

function* resume(
  g: Gen,
  state: GeneratorState,
  method: Method,
  arg: unknown
): Generator<unknown, IteratorResult<unknown>, unknown> {
  if (state.running) throw new RuntimeError('anext(): asynchronous generator is already running');
  state.running = true;
  try {
    let r = g[method](arg as never);
    for (;;) {
      if (r.value instanceof (__await as any) && !r.done) {
        let sent: unknown;
        let threw = false;
        try {
          sent = yield (r.value as { v: unknown }).v;
        } catch (error) {
          threw = true;
          sent = error;
        }
        r = threw ? g.throw(sent) : g.next(sent);
        continue;
      }
      const value = r.value instanceof (__await as any) ? (r.value as { v: unknown }).v : r.value;
      return { value, done: r.done === true } as IteratorResult<unknown>;
    }
  } finally {
    state.running = false;
  }
}

/** An async generator object whose next/throw/return return Coroutines. */
export function __asyncGenerator(
  thisArg: unknown,
  _arguments: ArrayLike<unknown> | undefined,
  generator: (...args: unknown[]) => Gen
): AsyncGenerator<unknown> {
  const g = generator.apply(thisArg, _arguments ? Array.prototype.slice.call(_arguments) : []);
  const state: GeneratorState = { running: false };
  const name = generator.name || 'asyncgen';
  const make = (method: Method) => (arg?: unknown) =>
    coroutineFrom(`${name}.${method === 'next' ? 'anext' : method}`, resume(g, state, method, arg));
  const it = {
    next: make('next'),
    throw: make('throw'),
    return: make('return'),
    [Symbol.asyncIterator]() {
      return this;
    }
  };
  return it as unknown as AsyncGenerator<unknown>;
}

function* syncStep(
  o: Iterator<unknown>,
  method: Method,
  arg: unknown
): Generator<unknown, IteratorResult<unknown>, unknown> {
  const fn = o[method];
  if (typeof fn !== 'function') {
    if (method === 'throw') throw arg;
    return { value: arg, done: true };
  }
  const r = fn.call(o, arg as never);
  const value = yield r.value;
  return { value, done: r.done === true } as IteratorResult<unknown>;
}

/** `for await` over an async iterable (ours or native), or over a sync iterable of awaitables. */
export function __asyncValues(o: unknown): AsyncIterator<unknown> {
  if (o === null || o === undefined) throw new TypeError(`for await: ${String(o)} is not iterable`);
  const m = (o as { [Symbol.asyncIterator]?: () => AsyncIterator<unknown> })[Symbol.asyncIterator];
  if (typeof m === 'function') return m.call(o);
  const sm = (o as { [Symbol.iterator]?: () => Iterator<unknown> })[Symbol.iterator];
  if (typeof sm !== 'function') throw new TypeError(`for await: object is not async iterable`);
  const inner = sm.call(o);
  const make = (method: Method) => (arg?: unknown) => coroutineFrom('asyncValues', syncStep(inner, method, arg));
  const it = {
    next: make('next'),
    throw: make('throw'),
    return: make('return'),
    [Symbol.asyncIterator]() {
      return this;
    }
  };
  return it as unknown as AsyncIterator<unknown>;
}

/** `yield*` inside an async generator (tslib's __asyncDelegator, unchanged: no Promises in it). */
export function __asyncDelegator(o: any): any {
  let p = false;
  const i: any = {};
  const verb = (n: Method, f?: (v: unknown) => unknown): void => {
    i[n] = o[n]
      ? // tslib's __asyncDelegator: `p` alternates between awaiting and yielding the delegate's step.
        (v: unknown) => ((p = !p) !== false ? { value: __await(o[n](v)), done: false } : f ? f(v) : v)
      : f;
  };
  verb('next');
  verb('throw', e => {
    throw e;
  });
  verb('return');
  i[Symbol.iterator] = function () {
    return this;
  };
  return i;
}
