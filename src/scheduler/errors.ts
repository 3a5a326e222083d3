/** asyncio's exception classes, with `name` set so they print as CPython's do. */

/** Base for our errors: sets `name` from the class so `String(e)` reads "CancelledError: msg". */
class NamedError extends Error {
  constructor(message?: string, options?: { cause?: unknown }) {
    super(message ?? '', options);
    this.name = new.target.name;
  }
}

/** The operation was cancelled (asyncio.CancelledError). */
export class CancelledError extends NamedError {}

/** The deadline passed (asyncio.TimeoutError is the builtin TimeoutError since 3.11). */
export class TimeoutError extends NamedError {}

/** A Future/Task is not in the state the operation needs (asyncio.InvalidStateError). */
export class InvalidStateError extends NamedError {}

/** Python's RuntimeError, for misuse such as reusing an awaited coroutine. */
export class RuntimeError extends NamedError {}

/** Python's ValueError, for arguments of the right type but a wrong value (e.g. wait([])). */
export class ValueError extends NamedError {}

/** queue.getNowait() on an empty queue. */
export class QueueEmpty extends NamedError {}

/** queue.putNowait() on a full queue. */
export class QueueFull extends NamedError {}

/** put/get on a Queue that was shut down (asyncio.QueueShutDown, 3.13+). */
export class QueueShutDown extends NamedError {}

/** Barrier.wait() on a broken or reset barrier. */
export class BrokenBarrierError extends NamedError {}

/** Every task waits and nothing can wake them (virtual clock only). */
export class DeadlockError extends NamedError {}

/** The run used up its step or virtual-time budget. */
export class BudgetExceededError extends NamedError {}

/** Too many coroutines awaited inside each other (Python's RecursionError). */
export class RecursionError extends NamedError {}

/** The run was interrupted from outside (KeyboardInterrupt). */
export class KeyboardInterrupt extends NamedError {}

/**
 * Several errors at once (Python's ExceptionGroup). `message` is what `str(eg)` gives in
 * Python, e.g. "unhandled errors in a TaskGroup (1 sub-exception)"; `exceptions` is the list.
 */
export class ExceptionGroup extends AggregateError {
  /** The sub-exceptions, in order (same array as `errors`). */
  readonly exceptions: unknown[];
  /** The message without the count, as Python's `eg.message`. */
  readonly groupMessage: string;
  constructor(message: string, exceptions: unknown[]) {
    if (!Array.isArray(exceptions) || exceptions.length === 0) {
      throw new TypeError(`ExceptionGroup(): exceptions must be a non-empty array, got ${String(exceptions)}`);
    }
    const n = exceptions.length;
    super(exceptions, `${message} (${n} sub-exception${n === 1 ? '' : 's'})`);
    this.name = 'ExceptionGroup';
    this.exceptions = exceptions;
    this.groupMessage = message;
  }
}

/** "ValueError: boom" (or "CancelledError" when there is no message), for traces and reports. */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) {
      const name = error.name || 'Error';
      return error.message ? `${name}: ${error.message}` : name;
    }
    return `thrown value: ${String(error)}`;
  } catch {
    // A getter or toString that throws must not break the report.
    return 'thrown value (cannot be described)';
  }
}
