import type { RunEndReason, Trace } from './trace-events';

/** How a run is configured. */
export interface LoopOptions {
  clock: 'virtual' | 'real';
  /** Step budget (default 1_000_000). */
  maxSteps?: number;
  /** Virtual-seconds budget (default 86_400). */
  maxVirtualTime?: number;
  /** Record the trace (default true). */
  trace?: boolean;
  /** Max events kept (default 200_000); a 'trace-truncated' marker when reached. */
  traceCap?: number;
  /** Called synchronously for each emitOutput. */
  onOutput?: (stream: 'stdout' | 'stderr', text: string) => void;
}

/** What a finished run reports. */
export interface RunReport<T> {
  status: 'ok' | 'error' | 'interrupted';
  value?: T;
  error?: unknown;
  reason: RunEndReason;
  warnings: string[];
  trace: Trace;
  steps: number;
  time: number;
}

/** A started run: its report, and a way to interrupt it. */
export interface RunHandle<T> {
  done: Promise<RunReport<T>>;
  interrupt(reason?: string): void;
}
