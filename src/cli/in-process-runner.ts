/** A CellRunner that runs cells in this thread (for tests and library use: no isolation). */
import { CellSession } from '../runtime';
import type { NbOutput } from '../protocol';
import type { CellRunner, CellRunOutcome, CellRunRequest } from './runner-protocol';

/** Runs cells in one CellSession of the calling thread. */
export class InProcessRunner implements CellRunner {
  private readonly session = new CellSession();

  /** Runs one cell. */
  async run(request: CellRunRequest, onOutput: (output: NbOutput) => void = () => {}): Promise<CellRunOutcome> {
    const result = await this.session.runCell(request, onOutput);
    return { status: result.status, outputs: result.outputs };
  }

  /** Interrupts the running cell. */
  interrupt(): void {
    this.session.interrupt();
  }

  /** Nothing to stop. */
  async close(): Promise<void> {}
}
