/** A FIFO ring buffer (asyncio's `_ready` deque) that grows by doubling and never shifts arrays. */
export class RingQueue<T> {
  private items: (T | undefined)[] = new Array(64);
  private head = 0;
  private mask = 63;
  /** Number of queued items. */
  length = 0;

  /** Appends at the tail. */
  push(item: T): void {
    if (this.length > this.mask) this.grow();
    this.items[(this.head + this.length) & this.mask] = item;
    this.length++;
  }

  /** Removes and returns the head (caller checks `length` first). */
  shift(): T {
    const item = this.items[this.head] as T;
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & this.mask;
    this.length--;
    return item;
  }

  /** The items in order, without removing them (for reports). */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.items[(this.head + i) & this.mask] as T);
    return out;
  }

  private grow(): void {
    const size = this.mask + 1;
    const next: (T | undefined)[] = new Array(size * 2);
    for (let i = 0; i < this.length; i++) next[i] = this.items[(this.head + i) & this.mask];
    this.items = next;
    this.head = 0;
    this.mask = size * 2 - 1;
  }
}
