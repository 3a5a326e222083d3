/**
 * The lazy coroutine object that `__awaiter` returns: nothing runs until a task awaits it or
 * wraps it (asyncio's coroutine object). The generator is created on the first step.
 */

/** What the scheduler drives: a generator (or a hand-written object with the same methods). */
export interface CoroutineBody {
  next(value?: unknown): IteratorResult<unknown, unknown>;
  throw(error: unknown): IteratorResult<unknown, unknown>;
  return?(value?: unknown): IteratorResult<unknown, unknown>;
}

/** The marker `sleep(0)` yields: give up the rest of this iteration (a bare `yield` in asyncio). */
export const YIELD_ONE_ITERATION: unique symbol = Symbol('yield one iteration');

/** Coroutines created while a loop runs are logged here, so the loop can report never-awaited ones. */
let coroutineLog: Coroutine<unknown>[] | null = null;

/** Sets the log new coroutines are appended to (the running loop's), returns the previous one. */
export function setCoroutineLog(log: Coroutine<unknown>[] | null): Coroutine<unknown>[] | null {
  const previous = coroutineLog;
  coroutineLog = log;
  return previous;
}

/** A lazy coroutine: holds the generator function, `this` and arguments until it is started. */
export class Coroutine<T = unknown> {
  /** The async function's name (for task names and reports). */
  readonly name: string;
  /** True once a task has started (or closed) it: it cannot be awaited again. */
  started = false;
  private body: CoroutineBody | null = null;
  private readonly thisArg: unknown;
  private readonly args: ArrayLike<unknown> | undefined;
  private readonly factory: ((...args: unknown[]) => CoroutineBody) | null;
  /** Phantom field so `Coroutine<number>` and `Coroutine<string>` differ for the type checker. */
  declare readonly __result?: T;

  constructor(
    name: string,
    factory: ((...args: unknown[]) => CoroutineBody) | null,
    thisArg?: unknown,
    args?: ArrayLike<unknown>,
    body?: CoroutineBody
  ) {
    this.name = name;
    this.factory = factory;
    this.thisArg = thisArg;
    this.args = args;
    if (body) this.body = body;
    if (coroutineLog !== null) coroutineLog.push(this as Coroutine<unknown>);
  }

  /** Sends a value into the coroutine (creating its generator on the first call). */
  send(value: unknown): IteratorResult<unknown, unknown> {
    return (this.body ?? this.open()).next(value);
  }

  /** Throws into the coroutine; an unstarted generator finishes at once without running its body. */
  throwInto(error: unknown): IteratorResult<unknown, unknown> {
    return (this.body ?? this.open()).throw(error);
  }

  /** Closes an unstarted or suspended coroutine (runs `finally` blocks of a suspended one). */
  close(): void {
    this.started = true;
    if (this.body && this.body.return) this.body.return(undefined);
  }

  private open(): CoroutineBody {
    const factory = this.factory as (...args: unknown[]) => CoroutineBody;
    const body = factory.apply(this.thisArg, this.args ? Array.prototype.slice.call(this.args) : []);
    if (!body || typeof body.next !== 'function' || typeof body.throw !== 'function') {
      throw new TypeError(`coroutine '${this.name}': the function given to __awaiter must be a generator function`);
    }
    this.body = body;
    return body;
  }

  /** Python-like repr: <coroutine object task1>. */
  toString(): string {
    return `<coroutine object ${this.name}>`;
  }
}

/** True when `value` is one of our coroutine objects. */
export function isCoroutine(value: unknown): value is Coroutine<unknown> {
  return value instanceof Coroutine;
}

/** A coroutine around an already-made generator object (library code written as generators). */
export function coroutineFrom<T>(name: string, body: Generator<unknown, T, any>): Coroutine<T> {
  return new Coroutine<T>(name, null, undefined, undefined, body);
}
