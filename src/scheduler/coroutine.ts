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

/**
 * How deeply coroutines may await each other inline in one task (CPython's recursion limit is
 * 1,000 frames). The task's stack is a linked list, not the JavaScript stack, so without a limit
 * an async recursion with no base case would grow until the process runs out of memory.
 */
export const MAX_AWAIT_DEPTH = 1_000;

/** The marker `sleep(0)` yields: give up the rest of this iteration (a bare `yield` in asyncio). */
export const YIELD_ONE_ITERATION: unique symbol = Symbol('yield one iteration');

/**
 * Like YIELD_ONE_ITERATION, from a coroutine that is finished by yielding it (its result is
 * undefined): the task drops it at once and resumes its caller after one iteration.
 */
export const TAIL_YIELD: unique symbol = Symbol('tail yield');

/**
 * What compiled code yields for `await sleep(0)` when `sleep` is this scheduler's: the sleep
 * coroutine would be made, awaited at once and dropped, and nothing else can ever see it (no
 * reuse, never "never awaited"), so the task does what that await does (one iteration, the same
 * depth check) without making it. See the compiler's direct-sleep transform.
 */
export const SLEEP_ZERO: unique symbol = Symbol('sleep(0)');

/**
 * What compiled `await sleep(d)` yields for a delay > 0 when `sleep` is the scheduler's (through
 * sleep.ts's sleepFor, which keeps the delay for the task): the task starts the sleep's timer
 * and waits on its future itself, as it would after awaiting that coroutine, without making it.
 */
export const SLEEP_FOR: unique symbol = Symbol('sleep(d)');

/**
 * Coroutines created while a loop runs are appended here (the running loop's array). The loop
 * empties it after every iteration, keeping only those not started yet, so finished coroutines
 * are not retained just to find the never-awaited ones.
 */
let coroutineLog: Coroutine<unknown>[] | null = null;

/**
 * sleep() coroutines are the most frequent ones, so they are counted instead of logged: the
 * difference at the end is the number of sleeps never awaited.
 */
export interface SleepCounter {
  created: number;
  started: number;
}

let sleepCounter: SleepCounter | null = null;

/**
 * What a runtime learns about generator coroutines (for tracebacks), at no cost to a step that
 * needs none of it: marks are plain stores, the hooks run only when an exception moves.
 */
export interface CoroutineHooks {
  /** `error` is about to be thrown into `coroutine`, suspended where `mark` says (see markSuspension). */
  onThrowInto(error: unknown, mark: unknown, coroutine: Coroutine<unknown>): void;
  /** A generator coroutine raised `error` (it leaves the coroutine). */
  onRaise(error: unknown): void;
}

let coroutineHooks: CoroutineHooks | null = null;

/** What the running loop tracks coroutines with. */
export interface CoroutineTracking {
  log: Coroutine<unknown>[] | null;
  sleeps: SleepCounter | null;
  hooks: CoroutineHooks | null;
}

/** Sets where new coroutines are tracked (the running loop's), returns the previous setting. */
export function setCoroutineTracking(tracking: CoroutineTracking): CoroutineTracking {
  const previous = { log: coroutineLog, sleeps: sleepCounter, hooks: coroutineHooks };
  coroutineLog = tracking.log;
  sleepCounter = tracking.sleeps;
  coroutineHooks = tracking.hooks;
  return previous;
}

/** The generator coroutine whose step runs now (null between steps). */
let stepping: GeneratorCoroutine<unknown> | null = null;

/**
 * Records where the coroutine that is stepping now is about to suspend (an opaque value the
 * runtime gets back in CoroutineHooks.onThrowInto); a step starts with no mark.
 */
export function markSuspension(mark: unknown): void {
  if (stepping !== null) stepping.mark = mark;
}

/** The running loop's sleep counter (null outside a loop). */
export function currentSleepCounter(): SleepCounter | null {
  return sleepCounter;
}

/**
 * A coroutine object (asyncio's coroutine): what `await` runs inline and `createTask` wraps.
 * This base holds what every coroutine has; GeneratorCoroutine (from `__awaiter`) and sleep's
 * hand-written coroutine implement the stepping.
 */
export abstract class Coroutine<T = unknown> {
  /** The async function's name (for task names and reports). */
  readonly name: string;
  /**
   * @internal how many coroutines await this one inline (0 for a task's own); see MAX_AWAIT_DEPTH.
   * -1 until a task starts (or closes) it: one field for both (see `started`).
   */
  depth = -1;
  /** @internal the coroutine that awaits this one inline in the same task (the task's stack). */
  caller: Coroutine<unknown> | null = null;
  /** Phantom field so `Coroutine<number>` and `Coroutine<string>` differ for the type checker. */
  declare readonly __result?: T;

  constructor(name: string, tracked = true) {
    this.name = name;
    if (tracked && coroutineLog !== null) coroutineLog.push(this as Coroutine<unknown>);
  }

  /** True once a task has started (or closed) it: it cannot be awaited again. */
  get started(): boolean {
    return this.depth >= 0;
  }
  /** @internal */
  set started(on: boolean) {
    if (!on) this.depth = -1;
    else if (this.depth < 0) {
      this.depth = 0;
      // Usually the coroutine made last (`createTask(f())`, `await f()`): it leaves the log at
      // once, so a burst of a million tasks does not grow the log to a million entries.
      const log = coroutineLog;
      if (log !== null && log.length > 0 && log[log.length - 1] === this) log.pop();
    }
  }

  /** @internal sends a value in; returns what it yields or returns. */
  abstract send(value: unknown): IteratorResult<unknown, unknown>;
  /** @internal throws into it; an unstarted coroutine finishes at once without running its body. */
  abstract throwInto(error: unknown): IteratorResult<unknown, unknown>;
  /** Closes an unstarted or suspended coroutine (runs `finally` blocks of a suspended one). */
  abstract close(): void;

  /** @internal the coroutine finished: drop references (nothing runs it again). */
  release(): void {
    this.caller = null;
  }

  /** Python-like repr: <coroutine object task1>. */
  toString(): string {
    return `<coroutine object ${this.name}>`;
  }

  /** @internal the object the runtime keys this coroutine's suspension point by (its body), if any. */
  _locationKey(): object | null {
    return null;
  }
}

type Factory = (...args: unknown[]) => CoroutineBody;

/** %GeneratorPrototype%.next/throw, called directly so the call site stays monomorphic even
 * though TypeScript's emit gives every generator object its own prototype (and map). */
const generatorPrototype = Object.getPrototypeOf(function* () {}).prototype as Generator;
const generatorNext = generatorPrototype.next;
/** %GeneratorFunction.prototype%: what every generator function inherits from. */
const generatorFunctionPrototype = Object.getPrototypeOf(function* () {});
/**
 * One prototype for the generator objects of every coroutine. TypeScript's emit makes a new
 * generator function per call (`__awaiter(this, ..., function* () {...})`), and V8 gives each
 * its own prototype object and maps (about 250 bytes per coroutine). The generator objects are
 * internal to the scheduler, so sharing one prototype is invisible and makes coroutines cheaper.
 */
const sharedGeneratorPrototype = Object.create(generatorPrototype) as object;
const generatorThrow = generatorPrototype.throw;
/** The generator function whose prototype open() replaced last (to skip doing it again). */
let lastOpenedFactory: Factory | null = null;

/** True for a generator object (TypeScript's emit: its prototype's prototype is %GeneratorPrototype%). */
function isNativeGenerator(body: CoroutineBody): boolean {
  const proto = Object.getPrototypeOf(body);
  return (
    proto === sharedGeneratorPrototype ||
    (proto !== null && (proto === generatorPrototype || Object.getPrototypeOf(proto) === generatorPrototype))
  );
}

/** What an unopened GeneratorCoroutine's `_mark` holds for `this === null` (null there means undefined). */
const NULL_THIS: unique symbol = Symbol('null this');

/** GeneratorCoroutine's body: not opened yet (the body is the generator function). */
const UNOPENED = 0;
/** Not opened yet, and `args` is the one argument itself (its array need not be kept). */
const UNOPENED_ONE = 1;
/** GeneratorCoroutine's body: a native generator (stepped through the shared prototype's methods). */
const NATIVE = 2;
/** GeneratorCoroutine's body: a hand-written CoroutineBody. */
const CUSTOM = 3;
/** GeneratorCoroutine's body: finished and released; a later send fails clearly. */
const RELEASED = 4;
/** One of the modes above (a number, not a string: checked on every step); < NATIVE: unopened. */
type BodyMode = typeof UNOPENED | typeof UNOPENED_ONE | typeof NATIVE | typeof CUSTOM | typeof RELEASED;

/** A coroutine driven by a generator: lazily created from a generator function, or given. */
export class GeneratorCoroutine<T = unknown> extends Coroutine<T> {
  /** Before the first step: the generator function; after: the generator (or a custom body). */
  private body: CoroutineBody | Factory | null;
  /** UNOPENED, UNOPENED_ONE, NATIVE, CUSTOM or RELEASED. */
  private mode: BodyMode;
  /** Until opened: the arguments (or the only one, in mode UNOPENED_ONE). */
  private args: unknown;
  /**
   * Where it is suspended (see `mark`); before the first step, the `this` to open the generator
   * with (one field less per coroutine: nothing marks an unopened coroutine).
   */
  private _mark: unknown;

  constructor(
    name: string,
    factory: Factory | null,
    thisArg?: unknown,
    args?: ArrayLike<unknown>,
    body?: CoroutineBody
  ) {
    super(name);
    this._mark = thisArg === undefined ? null : thisArg === null ? NULL_THIS : thisArg;
    if (body) {
      this.args = undefined;
      this.body = body;
      this.mode = isNativeGenerator(body) ? NATIVE : CUSTOM;
    } else if (args !== undefined && args !== null && args.length === 1) {
      // Most async functions take one argument: keep it, not the array made to pass it.
      this.args = args[0];
      this.body = factory;
      this.mode = UNOPENED_ONE;
    } else {
      this.args = args;
      this.body = factory;
      this.mode = UNOPENED;
    }
  }

  /** @internal where it is suspended (markSuspension), null if unknown or not started. */
  get mark(): unknown {
    return this.mode < NATIVE ? null : this._mark;
  }
  /** @internal */
  set mark(mark: unknown) {
    if (this.mode >= NATIVE) this._mark = mark;
  }

  /** @internal sends a value into the generator (creating it on the first call). */
  send(value: unknown): IteratorResult<unknown, unknown> {
    if (this.mode < NATIVE) this.open();
    const previous = stepping;
    stepping = this as GeneratorCoroutine<unknown>;
    this._mark = null;
    try {
      return this.mode === NATIVE
        ? generatorNext.call(this.body as Generator, value)
        : (this.body as CoroutineBody).next(value);
    } catch (error) {
      if (coroutineHooks !== null) coroutineHooks.onRaise(error);
      throw error;
    } finally {
      stepping = previous;
    }
  }

  /** @internal throws into the generator. */
  throwInto(error: unknown): IteratorResult<unknown, unknown> {
    if (this.mode < NATIVE) this.open();
    // The exception arrives at the await the coroutine is suspended at: a frame of its traceback.
    if (coroutineHooks !== null && this._mark !== null)
      coroutineHooks.onThrowInto(error, this._mark, this as Coroutine<unknown>);
    const previous = stepping;
    stepping = this as GeneratorCoroutine<unknown>;
    this._mark = null;
    try {
      return this.mode === NATIVE
        ? generatorThrow.call(this.body as Generator, error)
        : (this.body as CoroutineBody).throw(error);
    } catch (raised) {
      if (coroutineHooks !== null) coroutineHooks.onRaise(raised);
      throw raised;
    } finally {
      stepping = previous;
    }
  }

  /** Closes the coroutine (a suspended generator runs its `finally` blocks). */
  close(): void {
    this.started = true;
    const body = this.mode < NATIVE ? null : (this.body as CoroutineBody | null);
    this.release();
    if (!body || !body.return) return;
    const previous = stepping;
    stepping = this as GeneratorCoroutine<unknown>;
    try {
      body.return(undefined);
    } catch (error) {
      if (coroutineHooks !== null) coroutineHooks.onRaise(error);
      throw error;
    } finally {
      stepping = previous;
    }
  }

  /** @internal */
  override _locationKey(): object | null {
    return this.mode === NATIVE || this.mode === CUSTOM ? (this.body as object) : null;
  }

  /** @internal */
  override release(): void {
    super.release();
    this.body = null;
    this.mode = RELEASED;
    this.args = undefined;
    this._mark = null;
  }

  private open(): void {
    const factory = this.body as Factory | null;
    if (factory === null || typeof factory !== 'function')
      throw new TypeError(`coroutine '${this.name}' has no generator function`);
    // Assign without reading first: reading a fresh function's `prototype` materializes it. The
    // compiler makes one generator function per async function, so the last one is usually it.
    if (factory !== lastOpenedFactory) {
      if (Object.getPrototypeOf(factory) === generatorFunctionPrototype) factory.prototype = sharedGeneratorPrototype;
      lastOpenedFactory = factory;
    }
    const args = this.args;
    // Before the first step `mark` holds `this` (see the field).
    const thisArg = this._mark === null ? undefined : this._mark === NULL_THIS ? null : this._mark;
    this._mark = null;
    this.args = undefined;
    let body: CoroutineBody;
    if (this.mode === UNOPENED_ONE) body = factory.call(thisArg, args);
    else {
      const list = args as ArrayLike<unknown> | undefined | null;
      body =
        list === undefined || list === null || list.length === 0
          ? factory.call(thisArg)
          : factory.apply(thisArg, list as unknown[]);
    }
    if (!body || typeof body.next !== 'function' || typeof body.throw !== 'function') {
      throw new TypeError(`coroutine '${this.name}': the function given to __awaiter must be a generator function`);
    }
    this.body = body;
    this.mode = isNativeGenerator(body) ? NATIVE : CUSTOM;
  }
}

/** True when `value` is one of our coroutine objects. */
export function isCoroutine(value: unknown): value is Coroutine<unknown> {
  return value instanceof Coroutine;
}

/** A coroutine around an already-made generator object (library code written as generators). */
export function coroutineFrom<T>(name: string, body: Generator<unknown, T, any>): Coroutine<T> {
  return new GeneratorCoroutine<T>(name, null, undefined, undefined, body);
}
