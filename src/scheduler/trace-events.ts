/**
 * The scheduler's trace: typed events, the contract between the scheduler (which emits them)
 * and the chart builder (which draws them). Times are in seconds on the run's clock
 * (virtual: exact; real: seconds since the run started).
 */

/** A task's numeric id: 0 is the first task of a run, in creation order. */
export type TaskId = number;

/** What a suspended task waits on; `label` is human text such as "sleep(3)" or "task2". */
export type WaitKind =
  | 'sleep'
  | 'task'
  | 'future'
  | 'gather'
  | 'lock'
  | 'event'
  | 'condition'
  | 'semaphore'
  | 'barrier'
  | 'queue'
  | 'taskgroup'
  | 'timeout'
  | 'outside'
  | 'yield';

/**
 * Why a task was asked to cancel: `explicit` (task.cancel() in code), `timeout` (a timeout()
 * block's deadline), `wait-for` (a waitFor deadline), `task-group` (a sibling in the TaskGroup
 * failed, or the group is aborting), `propagated` (the task awaiting it was cancelled, and the
 * cancellation passes on to what it awaits), `run-end` (left running when its run finished),
 * `interrupt` (the user interrupted the cell).
 */
export type CancelCauseKind =
  'explicit' | 'timeout' | 'wait-for' | 'task-group' | 'propagated' | 'run-end' | 'interrupt';

/** How a task ended. */
export type Outcome = 'result' | 'exception' | 'cancelled';

/** The role of a task: the cell body, a root started with run(), or an ordinary task. */
export type TaskRole = 'cell' | 'root' | 'task';

/**
 * Every event the scheduler records; `t` is the clock time when it happened.
 *
 * What the scheduler emits for one task, in order:
 * - `task-created` then `task-ready` when the task is made (it is queued; nothing runs yet).
 * - each step: `step-start` ... `step-end`. Inside a step, in the order they happen:
 *   `print`, `blocking` (blockingSleep: the step goes on at `t + duration`), `cancel-requested`
 *   (for any task this step cancels), and how the step ends:
 *   - `suspended` (on what: kind, label, and `target` when it awaits a task) — waiting;
 *   - `outside-wait-start` right before `suspended` with `on: 'outside'` — a native Promise;
 *   - `task-ready` — it yielded one iteration (`sleep(0)`) and is queued again;
 *   - `finished` — it returned, raised, or was cancelled (no step runs after it).
 * - `woken` when what it waits on completes: it is queued and runs at its next `step-start`.
 *   `outside-wait-end` when the Promise settles (a `woken` follows unless the wait was cancelled).
 * - `cancel-requested` can also come from outside any step (`by: null`: interrupt, a timer).
 * At the end: `run-end` (always kept, even after `trace-truncated`).
 */
export type TraceEvent =
  | {
      type: 'task-created';
      t: number;
      task: TaskId;
      name: string;
      parent: TaskId | null;
      role: TaskRole;
      /** The TaskGroup or gather that owns the task, if any (e.g. "TaskGroup#1", "gather#2"). */
      group?: string;
    }
  | { type: 'task-ready'; t: number; task: TaskId }
  | { type: 'step-start'; t: number; task: TaskId }
  | { type: 'step-end'; t: number; task: TaskId }
  | {
      type: 'suspended';
      t: number;
      task: TaskId;
      on: WaitKind;
      label: string;
      /** The task awaited, when it awaits a task. */
      target?: TaskId;
      /** For a gather or a TaskGroup's exit: the unfinished tasks it waits for, in order (at most 100). */
      targets?: TaskId[];
      /** The cell ("In[3]") and line of the await that suspended, when it is cell code. */
      cell?: string;
      line?: number;
    }
  | { type: 'woken'; t: number; task: TaskId }
  | {
      type: 'cancel-requested';
      t: number;
      task: TaskId;
      /** The task whose step asked for it (null: outside any step, e.g. a timer or an interrupt). */
      by: TaskId | null;
      message?: string;
      /** Why (absent in traces recorded before causes existed; 'explicit' is a plain cancel()). */
      cause?: CancelCauseKind;
      /** The task behind the cause: the failing TaskGroup child, or the cancelled task that awaited this one. */
      causeTask?: TaskId;
      /** What caused it, as text: "timeout(2)", "waitFor(1)", "TaskGroup#1", "run(main)", "KeyboardInterrupt". */
      causeLabel?: string;
    }
  | {
      type: 'print';
      t: number;
      task: TaskId | null;
      stream: 'stdout' | 'stderr';
      text: string;
      /** The cell and line of the print (the first 500 prints of a run). */
      cell?: string;
      line?: number;
    }
  | {
      type: 'finished';
      t: number;
      task: TaskId;
      outcome: Outcome;
      /** Short text: the result formatted, or "ValueError: boom", or "CancelledError". */
      detail: string;
      /** For 'exception': the cell and line where the error was raised, when it is cell code. */
      cell?: string;
      line?: number;
    }
  | { type: 'blocking'; t: number; task: TaskId; duration: number }
  | { type: 'outside-wait-start'; t: number; task: TaskId; label: string }
  | { type: 'outside-wait-end'; t: number; task: TaskId }
  | { type: 'run-end'; t: number; steps: number; reason: RunEndReason; message?: string }
  | { type: 'trace-truncated'; t: number; dropped: 'events-after-cap'; cap: number };

/** Why a run stopped. */
export type RunEndReason = 'completed' | 'failed' | 'deadlock' | 'step-budget' | 'time-budget' | 'interrupted';

/** The whole trace of one run, as handed to the chart builder. */
export interface Trace {
  /** 'virtual' gives seconds from 0; 'real' gives seconds since the run started. */
  clock: 'virtual' | 'real';
  events: TraceEvent[];
  /** True when the cap was reached and later events (other than run-end) were dropped. */
  truncated: boolean;
}
