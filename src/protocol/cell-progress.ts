/**
 * Live progress of a running cell: what the runtime reports a few times a second once a cell has
 * run for a while (docs/worker-protocol.md, `progress` message). Shown under the cell while it
 * runs, replaced by the final outputs when it ends; never part of the cell's saved outputs.
 */
import type { JSONValue } from './outputs';

/** Where a running cell is. */
export interface CellProgress {
  clock: 'virtual' | 'real';
  /** Real milliseconds since the cell started running. */
  elapsedMs: number;
  /** The run's clock time in seconds (virtual time reached, or real seconds since the run started). */
  time: number;
  /** Tasks not done yet (the cell's own task included). */
  tasksAlive: number;
  /** Scheduler steps taken so far. */
  steps: number;
  /**
   * Real clock only: a Vega-Lite spec of the chart so far, when it was cheap enough to build
   * this time (the runtime skips it for large traces and throttles it; see progress-emitter.ts).
   */
  chart?: { [key: string]: JSONValue };
}
