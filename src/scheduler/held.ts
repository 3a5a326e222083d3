import { AEXIT } from './disposal';

/** Something with a release(): Lock, Semaphore, Condition. */
export interface Releasable {
  release(): void;
}

/**
 * What `hold()` resolves to: `await using _ = await lock.hold()` releases the lock at the end of
 * the block, like `async with lock:` (plain `using` works too).
 */
export class Held {
  private released = false;
  constructor(private readonly owner: Releasable) {}

  /** Releases once (a second call does nothing). */
  release(): void {
    if (this.released) return;
    this.released = true;
    this.owner.release();
  }

  /** @internal `await using` exit: release, never suppress the body's error. */
  [AEXIT](): boolean {
    this.release();
    return false;
  }

  /** `using` exit. */
  [Symbol.dispose](): void {
    this.release();
  }
}
