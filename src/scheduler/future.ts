import { CancelledError, InvalidStateError, describeError } from './errors';
import { formatValue } from './format-value';
import { HAS_EXCEPTION, LOG_TRACEBACK, STATE_MASK, STATE_SHIFT } from './future-flags';
import { getRunningLoop, requireRunningLoop } from './loop-state';
import type { EventLoop } from './event-loop';
import type { WaitKind } from './trace-events';

/** A task (or anything with a step) that waits on a future; woken by the future directly. */
export interface Waker {
  /** Called by the future when it completes: the waker queues itself on the loop. */
  wakeFrom(future: Future<unknown>): void;
}

/** A done callback: a function of the future, or a waiting task. */
export type DoneCallback<T> = ((future: Future<T>) => void) | Waker;

/** Future states (asyncio's _PENDING, _FINISHED, _CANCELLED). */
export const PENDING = 0;
/** See PENDING. */
export const FINISHED = 1;
/** See PENDING. */
export const CANCELLED = 2;

let unboundFutureCounter = 0;

/** Rarely used state of a future or task (see Future._extra). */
export interface FutureExtra {
  cancelMessage: string | undefined;
  cancelledExc: CancelledError | null;
  /** Task: an error to throw in at the next step (NO_ERROR when none). */
  throwNext: unknown;
  /** Done callbacks after the first. */
  callbacks: DoneCallback<unknown>[] | null;
}

/** Marks "no error to throw in" (any value, even undefined, can be thrown). */
export const NO_ERROR: unique symbol = Symbol('no error');

function newExtra(): FutureExtra {
  return { cancelMessage: undefined, cancelledExc: null, throwNext: NO_ERROR, callbacks: null };
}

/**
 * `Future` — `asyncio.Future`: a result that will be set later (`setResult`, `setException`,
 * `cancel`). Completing it schedules its callbacks with callSoon: they never run inline.
 * Awaiting a pending one suspends the task until it is done.
 * (docs/scheduler-semantics.md §0.4.)
 */
export class Future<T = unknown> {
  /** @internal */ _result: T | undefined = undefined;
  /** @internal bits of ./future-flags, the state among them (one field, not several). */
  _flags = 0;
  /** @internal rarely used state (cancel message, saved CancelledError, a task's pending
   * error), kept out of line so that every future and task is smaller. */
  _extra: FutureExtra | null = null;
  /** @internal the first callback (most futures have exactly one: the waiting task). */
  _cb0: DoneCallback<T> | null = null;

  /** @internal */ _loop: EventLoop | null;
  /** What a task awaiting this future is shown as waiting on in the trace ('future' by default;
   * kept on the prototype so most futures carry no extra field). */
  declare waitKind: WaitKind;
  /** Only futures given a label (or asked for one) carry this field (declared: tasks never do). */
  declare private _label?: string;

  constructor(label?: string, kind?: WaitKind) {
    this._loop = getRunningLoop();
    if (kind !== undefined) this.waitKind = kind;
    if (label !== undefined) this._label = label;
  }

  /** Human text for the trace, e.g. "Future#2", "sleep(3)", "Lock#1". */
  get label(): string {
    if (this._label === undefined) {
      const n = this._loop ? this._loop.nextSerial('Future') : ++unboundFutureCounter;
      this._label = `Future#${n}`;
    }
    return this._label;
  }
  set label(text: string) {
    this._label = text;
  }

  /** @internal PENDING, FINISHED or CANCELLED (two bits of _flags: one field less per future and task). */
  get _state(): number {
    return (this._flags & STATE_MASK) >> STATE_SHIFT;
  }
  /** @internal */
  set _state(state: number) {
    this._flags = (this._flags & ~STATE_MASK) | (state << STATE_SHIFT);
  }

  /** @internal true when the future finished with an exception (any value, even undefined). */
  get _hasException(): boolean {
    return (this._flags & HAS_EXCEPTION) !== 0;
  }
  /** @internal */
  set _hasException(on: boolean) {
    this._flags = on ? this._flags | HAS_EXCEPTION : this._flags & ~HAS_EXCEPTION;
  }

  /** @internal set when an exception is stored and nobody has looked at it yet (rule 11). */
  get _logTraceback(): boolean {
    return (this._flags & LOG_TRACEBACK) !== 0;
  }
  /** @internal */
  set _logTraceback(on: boolean) {
    this._flags = on ? this._flags | LOG_TRACEBACK : this._flags & ~LOG_TRACEBACK;
  }

  /** @internal the exception (stored in the result's field: a future has one or the other). */
  get _exception(): unknown {
    return (this._flags & HAS_EXCEPTION) !== 0 ? this._result : undefined;
  }
  /** @internal */
  set _exception(error: unknown) {
    this._result = error as T;
  }

  /** @internal further callbacks after the first, in registration order (rarely any). */
  get _callbacks(): DoneCallback<T>[] | null {
    return this._extra === null ? null : (this._extra.callbacks as DoneCallback<T>[] | null);
  }
  /** @internal */
  set _callbacks(list: DoneCallback<T>[] | null) {
    if (this._extra === null) {
      if (list === null) return;
      this._extra = newExtra();
    }
    this._extra.callbacks = list as DoneCallback<unknown>[] | null;
  }

  /** @internal the message of cancel(msg) (undefined: none). */
  get _cancelMessage(): string | undefined {
    return this._extra === null ? undefined : this._extra.cancelMessage;
  }
  /** @internal */
  set _cancelMessage(msg: string | undefined) {
    if (this._extra === null) {
      if (msg === undefined) return;
      this._extra = newExtra();
    }
    this._extra.cancelMessage = msg;
  }

  /** @internal the CancelledError a task raised, handed out once (futures.py _cancelled_exc). */
  get _cancelledExc(): CancelledError | null {
    return this._extra === null ? null : this._extra.cancelledExc;
  }
  /** @internal */
  set _cancelledExc(error: CancelledError | null) {
    if (this._extra === null) {
      if (error === null) return;
      this._extra = newExtra();
    }
    this._extra.cancelledExc = error;
  }

  /** True when finished or cancelled. */
  done(): boolean {
    return this._state !== PENDING;
  }

  /** True when cancelled. */
  cancelled(): boolean {
    return this._state === CANCELLED;
  }

  /** The result; throws the exception, CancelledError, or InvalidStateError if not done. */
  result(): T {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state !== FINISHED) throw new InvalidStateError('Result is not ready.');
    this._logTraceback = false;
    if (this._hasException) throw this._exception;
    return this._result as T;
  }

  /** The exception (undefined if none); throws CancelledError if cancelled, InvalidStateError if pending. */
  exception(): unknown {
    if (this._state === CANCELLED) throw this._makeCancelledError();
    if (this._state !== FINISHED) throw new InvalidStateError('Exception is not set.');
    this._logTraceback = false;
    return this._exception;
  }

  /** Completes the future with a value. */
  setResult(value: T): void {
    if (this._state !== PENDING) throw new InvalidStateError(`${stateName(this._state)}: ${this}`);
    this._result = value;
    this._state = FINISHED;
    this._scheduleCallbacks();
  }

  /** Completes the future with an exception. */
  setException(error: unknown): void {
    if (this._state !== PENDING) throw new InvalidStateError(`${stateName(this._state)}: ${this}`);
    this._exception = error;
    this._hasException = true;
    this._state = FINISHED;
    this._logTraceback = true;
    this._scheduleCallbacks();
  }

  /** Cancels the future; false if it is already done. */
  cancel(msg?: string): boolean {
    if (msg !== undefined && typeof msg !== 'string') {
      throw new TypeError(`cancel(): msg must be a string or undefined, got ${formatValue(msg)}`);
    }
    this._logTraceback = false;
    if (this._state !== PENDING) return false;
    this._state = CANCELLED;
    this._cancelMessage = msg;
    this._scheduleCallbacks();
    return true;
  }

  /** Adds a callback run (via callSoon) with this future once it is done. */
  addDoneCallback(callback: (future: this) => void): void {
    if (typeof callback !== 'function') {
      throw new TypeError(`addDoneCallback(): callback must be a function, got ${formatValue(callback)}`);
    }
    this._addCallback(callback as DoneCallback<T>);
  }

  /** Removes every registration of `callback`; returns how many were removed. */
  removeDoneCallback(callback: (future: this) => void): number {
    const all: DoneCallback<T>[] = [];
    if (this._cb0 !== null) all.push(this._cb0);
    if (this._callbacks !== null) all.push(...this._callbacks);
    const kept = all.filter(cb => cb !== (callback as unknown));
    this._cb0 = kept.length > 0 ? kept[0] : null;
    this._callbacks = kept.length > 1 ? kept.slice(1) : null;
    return all.length - kept.length;
  }

  /** The loop this future belongs to (the one running when it was made, or on first use). */
  getLoop(): EventLoop {
    if (this._loop === null) this._loop = requireRunningLoop('Future');
    return this._loop;
  }

  /** @internal for the trace: the unfinished tasks this future waits for (gather, TaskGroup). */
  _waitTargets(): number[] | undefined {
    return undefined;
  }

  /** @internal registers a callback or a waiting task. */
  _addCallback(callback: DoneCallback<T>): void {
    if (this._state !== PENDING) {
      this._scheduleOne(getRunningLoop() ?? this.getLoop(), callback);
      return;
    }
    if (this._cb0 === null && this._callbacks === null) this._cb0 = callback;
    else if (this._callbacks === null) this._callbacks = [callback];
    else this._callbacks.push(callback);
  }

  /** @internal the error an awaiter gets (result() without the value path). */
  _makeCancelledError(): CancelledError {
    if (this._cancelledExc !== null) {
      const exc = this._cancelledExc;
      this._cancelledExc = null;
      return exc;
    }
    return new CancelledError(this._cancelMessage);
  }

  /** @internal callbacks run in registration order, each queued with callSoon (docs/scheduler-semantics.md §0.4). */
  _scheduleCallbacks(): void {
    const first = this._cb0;
    const cbs = this._callbacks;
    if (first === null && cbs === null) return;
    this._cb0 = null;
    this._callbacks = null;
    const loop = getRunningLoop() ?? this.getLoop();
    if (first !== null) this._scheduleOne(loop, first);
    if (cbs !== null) for (let i = 0; i < cbs.length; i++) this._scheduleOne(loop, cbs[i]);
  }

  private _scheduleOne(loop: EventLoop, callback: DoneCallback<T>): void {
    // A waiting task wakes on its own loop; a callback runs on the loop running now, if any
    // (a Future kept from an earlier cell may be completed during a later cell's run).
    if (typeof callback === 'function') (getRunningLoop() ?? loop).callSoon(callback as (f: unknown) => void, this);
    else callback.wakeFrom(this as Future<unknown>);
  }

  /** Python-like repr: <Future pending>, <Future finished result=1>. */
  toString(): string {
    return `<${this.constructor.name} ${this._describeState()}>`;
  }

  /** @internal */
  _describeState(): string {
    if (this._state === PENDING) return 'pending';
    if (this._state === CANCELLED) return 'cancelled';
    return this._hasException
      ? `finished exception=${describeError(this._exception)}`
      : `finished result=${formatValue(this._result)}`;
  }
}

(Future.prototype as { waitKind: WaitKind }).waitKind = 'future';

function stateName(state: number): string {
  return state === PENDING ? 'PENDING' : state === FINISHED ? 'FINISHED' : 'CANCELLED';
}

/** True for our Future and Task objects. */
export function isFuture(value: unknown): value is Future<unknown> {
  return value instanceof Future;
}
