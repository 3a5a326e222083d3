/** Messages between the CLI (main thread) and the worker thread that runs its cells. */
import type { CellRequest, CellStatus, NbOutput } from '../protocol';

/** One cell to run: the shared cell request. */
export type CellRunRequest = CellRequest;

/** What a run gives back (outputs with consecutive stream text merged). */
export interface CellRunOutcome {
  status: CellStatus;
  outputs: NbOutput[];
}

/** The CLI to its worker. */
export type ToRunner = { type: 'run'; id: number; request: CellRunRequest } | { type: 'interrupt'; id: number };

/** The worker to the CLI. */
export type FromRunner =
  | { type: 'output'; id: number; output: NbOutput }
  | { type: 'done'; id: number; status: CellStatus }
  /** The cell replaced built-ins the runtime relies on: the worker must be replaced. */
  | { type: 'poisoned'; id: number; names: string[] };

/** Runs cells one at a time, keeping declarations between them (a notebook's session). */
export interface CellRunner {
  run(request: CellRunRequest, onOutput?: (output: NbOutput) => void): Promise<CellRunOutcome>;
  /** Interrupts the running cell (KeyboardInterrupt; stopped by force after a grace period). */
  interrupt(): void;
  /** Stops the runner (its worker), so the process can exit. */
  close(): Promise<void>;
}
