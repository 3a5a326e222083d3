/** A node of the live-task list: tasks carry their own links (no Set, no hashing per task). */
export interface LiveNode {
  _prevLive: LiveNode | null;
  _nextLive: LiveNode | null;
}

/**
 * The tasks not done yet, in creation order: an intrusive doubly linked list, so adding and
 * removing a task is O(1) without allocating (a Set of a million tasks rehashes and grows).
 */
export class LiveTasks<T extends LiveNode> implements Iterable<T> {
  private head: T | null = null;
  private tail: T | null = null;
  /** Number of live tasks. */
  size = 0;

  /** Appends a task (it must not be in the list). */
  add(node: T): void {
    node._prevLive = this.tail;
    node._nextLive = null;
    if (this.tail === null) this.head = node;
    else this.tail._nextLive = node;
    this.tail = node;
    this.size++;
  }

  /** Removes a task that is in the list. */
  delete(node: T): void {
    const prev = node._prevLive as T | null;
    const next = node._nextLive as T | null;
    if (prev === null) this.head = next;
    else prev._nextLive = next;
    if (next === null) this.tail = prev;
    else next._prevLive = prev;
    node._prevLive = null;
    node._nextLive = null;
    this.size--;
  }

  /** The tasks in creation order (copy it before changing the list while iterating). */
  *[Symbol.iterator](): Iterator<T> {
    for (let node = this.head; node !== null; node = node._nextLive as T | null) yield node;
  }
}
