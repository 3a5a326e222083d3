/**
 * Batches a run's outputs for postMessage: consecutive stream text on one stream is joined and
 * sent at most every STREAM_BATCH_MS, so a cell that prints in a tight loop sends a few large
 * messages instead of one per print. Other outputs flush the pending text first, keeping order.
 */
import type { NbOutput } from '../protocol';

/** Milliseconds stream text may wait before it is sent. */
export const STREAM_BATCH_MS = 30;

type StreamOutput = Extract<NbOutput, { output_type: 'stream' }>;

/** Collects outputs and hands them to `send` in batches. */
export class OutputBatcher {
  private pending: StreamOutput | null = null;
  private since = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly send: (output: NbOutput) => void) {}

  /** Adds an output (stream text is batched, anything else goes out at once after it). */
  add(output: NbOutput): void {
    if (output.output_type !== 'stream') {
      this.flush();
      this.send(output);
      return;
    }
    if (this.pending && this.pending.name !== output.name) this.flush();
    if (this.pending) {
      this.pending.text += output.text;
    } else {
      this.pending = { ...output };
      this.since = Date.now();
      // The timer fires when the cell lets the event loop in; the check below covers busy cells.
      this.timer = setTimeout(() => this.flush(), STREAM_BATCH_MS);
    }
    if (Date.now() - this.since >= STREAM_BATCH_MS) this.flush();
  }

  /** Sends the pending text now. */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const pending = this.pending;
    this.pending = null;
    if (pending) this.send(pending);
  }
}
