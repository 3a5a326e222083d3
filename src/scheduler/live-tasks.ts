/** What the live-task list needs of a task: whether it is done. */
export interface LiveNode {
  done(): boolean;
}

/** Compaction waits for at least this many finished tasks (so small runs never compact). */
const MIN_COMPACTION = 1024;

/**
 * The tasks not done yet, in creation order: an array to which tasks are appended, and from which
 * finished ones are dropped in batches, once they are more than half of it. Adding and removing
 * is O(1) amortised with no per-task links or hashing: a Set of a million tasks rehashes and
 * grows, and two link fields would make every task 16 bytes bigger.
 */
export class LiveTasks<T extends LiveNode> implements Iterable<T> {
  /** The tasks in creation order; some may be done (not compacted yet). */
  private tasks: T[] = [];
  private finished = 0;
  /** Number of live tasks. */
  size = 0;

  /** Appends a new task. */
  add(node: T): void {
    this.tasks.push(node);
    this.size++;
  }

  /** Counts a task out once it is done (it must have been added, and be done now). */
  delete(node: T): void {
    void node;
    this.size--;
    if (++this.finished > MIN_COMPACTION && this.finished * 2 > this.tasks.length) {
      this.tasks = this.tasks.filter(t => !t.done());
      this.finished = 0;
    }
  }

  /** The tasks in creation order (copy it before changing the list while iterating). */
  *[Symbol.iterator](): Iterator<T> {
    const tasks = this.tasks;
    for (let i = 0; i < tasks.length; i++) if (!tasks[i].done()) yield tasks[i];
  }
}
