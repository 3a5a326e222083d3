/**
 * Why a cancellation happened, for the trace (who cancelled whom). The code that cancels on
 * behalf of something else (a timeout, a TaskGroup, the end of the run, an interrupt, a task
 * passing its cancellation on to what it awaits) calls `cancelBecause`; a plain `task.cancel()`
 * from a task is recorded as 'explicit' with that task as the canceller.
 */
import type { EventLoop } from './event-loop';
import type { Future } from './future';
import type { CancelCauseKind, TaskId } from './trace-events';

/** A cancellation's cause while it is being requested. */
export interface CancelCause {
  kind: CancelCauseKind;
  /** The task behind it: the failing TaskGroup child, the cancelled awaiting task. */
  task?: TaskId;
  /** Human text: "timeout(2)", "TaskGroup#1", "run(main)", "KeyboardInterrupt". */
  label?: string;
}

/** Cancels `target` (with `msg`) and records `cause` for the cancel-requested events it makes. */
export function cancelBecause(loop: EventLoop, target: Future<unknown>, cause: CancelCause, msg?: string): boolean {
  if (!loop.tracing) return target.cancel(msg);
  const previous = loop.cancelCause;
  loop.cancelCause = cause;
  try {
    return target.cancel(msg);
  } finally {
    loop.cancelCause = previous;
  }
}
