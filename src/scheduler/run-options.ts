import type { RunEndReason, Trace, TraceEvent } from './trace-events';
import type { WarningDetail } from './event-loop';
import type { PythonVersion } from './python-version';
import type { CoroutineHooks } from './coroutine';

/** How a run is configured. */
export interface LoopOptions {
  clock: 'virtual' | 'real';
  /** Step budget (default 100_000_000). */
  maxSteps?: number;
  /**
   * The step budget's other half: seconds of real time the run may spend running (time parked
   * waiting for outside promises or real time excluded). Default 8 on the virtual clock, no limit
   * on the real clock (Interrupt stops it).
   */
  maxWallTime?: number;
  /** Virtual-seconds budget (default 86_400). */
  maxVirtualTime?: number;
  /** Record the trace (default true). */
  trace?: boolean;
  /** Max events kept (default 200_000); a 'trace-truncated' marker when reached. */
  traceCap?: number;
  /** Called synchronously for each emitOutput. */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
  /**
   * A real-time limit for awaits of outside Promises (a Promise that never settles would keep a
   * virtual-clock run waiting forever): after `ms` real milliseconds the await throws
   * `error(name)`, where `name` is the coroutine that awaits. Default: no limit.
   */
  outsideWaitLimit?: OutsideWaitLimit;
  /** Which CPython release's asyncio rules to follow: '3.11' (default), '3.12' or '3.13'. */
  python?: PythonVersion;
  /** What a runtime learns about generator coroutines: where they suspend, what they raise. */
  coroutineHooks?: CoroutineHooks;
}

/** See LoopOptions.outsideWaitLimit. */
export interface OutsideWaitLimit {
  ms: number;
  error: (coroutineName: string) => unknown;
}

/** What a finished run reports. */
export interface RunReport<T> {
  status: 'ok' | 'error' | 'interrupted';
  value?: T;
  error?: unknown;
  reason: RunEndReason;
  warnings: string[];
  /** The same reports with the exception (for a traceback) and the task each is about. */
  warningDetails: WarningDetail[];
  trace: Trace;
  steps: number;
  time: number;
}

/**
 * Where a running run is, read between scheduler slices (live progress): nothing is counted for
 * it while the run steps, so reading it costs the run nothing.
 */
export interface RunSnapshot {
  clock: 'virtual' | 'real';
  /** The clock's time in seconds (virtual seconds, or real seconds since the run started). */
  time: number;
  steps: number;
  /** Tasks not done yet (the main task included). */
  tasksAlive: number;
  /** The trace recorded so far (the recorder's own array: copy before keeping it). */
  events: readonly TraceEvent[];
  truncated: boolean;
}

/** A started run: its report, a way to interrupt it, and where it is now. */
export interface RunHandle<T> {
  done: Promise<RunReport<T>>;
  interrupt(reason?: string): void;
  snapshot(): RunSnapshot;
}
