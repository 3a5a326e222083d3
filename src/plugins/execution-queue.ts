/**
 * Runs a notebook's cells one after another, whatever runs them (this extension's worker or the
 * kernel), so coroutine cells and kernel cells interleaved in Run All keep their order. A failed
 * cell aborts the cells queued behind it at that moment, as a kernel's stop-on-error does.
 */
export class ExecutionQueue {
  /** Queues `job`; resolves with its result, or with `onAbort()` if an earlier cell failed. */
  enqueue<T>(job: () => Promise<{ ok: boolean; value: T }>, onAbort: () => T): Promise<T> {
    const generation = this._generation;
    const previous = this._tail;
    const result = previous.then(async () => {
      if (generation !== this._generation) {
        return onAbort();
      }
      const outcome = await job();
      if (!outcome.ok) {
        // Everything already queued was queued in the same "batch": abort it.
        this._generation++;
      }
      return outcome.value;
    });
    // The queue goes on whether this job resolved or threw.
    this._tail = result.then(
      () => undefined,
      () => {
        this._generation++;
      }
    );
    return result;
  }

  private _tail: Promise<void> = Promise.resolve();
  private _generation = 0;
}
