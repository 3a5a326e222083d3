/**
 * The bits of Future._flags, in one place: Future, Task and SleepFuture keep several booleans
 * (and Task its count of pending cancel requests) in one number field, which keeps the objects
 * small on the hot path. Each bit has one meaning for every subclass.
 */

/** Future: the outcome is an exception (in _result). */
export const HAS_EXCEPTION = 1;
/** Future: the exception was never retrieved yet (reported at the end of the run). */
export const LOG_TRACEBACK = 2;
/** Task: a cancel() arrived while the task had nothing to cancel; cancel at the next step. */
export const MUST_CANCEL = 4;
/** Task: the future it waits on completed and woke it. */
export const WOKEN = 8;
/**
 * A tail future (SleepFuture): the coroutine that hands it out has finished, so the task waits
 * on it directly and sends its result to that coroutine's caller (see Task's step).
 */
export const RELEASES_CALLER = 16;
/** Task: cancel() is passing the cancellation on to what the task awaits (a cycle check). */
export const PASSING_CANCEL = 32;
/** SleepFuture (or a task sleeping directly): its timer is in the loop's timer queue. */
export const TIMER_SCHEDULED = 64;
/** SleepFuture (or a task sleeping directly): its timer was cancelled. */
export const TIMER_DEAD = 128;
/** Future: the state (PENDING, FINISHED or CANCELLED) is _flags' two bits from here. */
export const STATE_SHIFT = 8;
/** Future: the state's two bits. */
export const STATE_MASK = 3 << STATE_SHIFT;
/**
 * Task: sleeping on a compiled `await sleep(d)` with no SleepFuture: the task is its own timer
 * (TIMER_SCHEDULED, TIMER_DEAD) and keeps the delay in _result (see task-sleep.ts).
 */
export const SLEEPING = 1024;
/** Task: its own timer left the queue to run (the next runFromLoop is the timer, not a step). */
export const TIMER_FIRED = 2048;
/** Task: _flags counts pending cancel requests in units of this (above the bits). */
export const CANCEL_UNIT = 4096;
