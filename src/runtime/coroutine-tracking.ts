/**
 * What the runtime learns about cell coroutines from the scheduler (CoroutineHooks), at no cost
 * to a step that does not need it: an exception thrown into a coroutine at an await records that
 * await for the traceback (await-marks: `__cc_at` marked the coroutine with a single store), and
 * every exception a coroutine raises is seen by the session (for tracebacks of unretrieved task
 * errors). The hooks run only when an exception moves, so nothing wraps the coroutines.
 */
import type { CoroutineHooks } from '../scheduler';
import { recordPassage, type SuspensionRecord } from './await-marks';

/** The coroutine hooks of a session's runs; `onRaise` sees every exception a coroutine raises. */
export function cellCoroutineHooks(onRaise: (error: unknown) => void = () => {}): CoroutineHooks {
  return {
    // The coroutine identifies the frame's owner (another coroutine at the same await is another frame).
    onThrowInto: (error, mark, coroutine) => recordPassage(error, mark as SuspensionRecord, coroutine),
    onRaise
  };
}
