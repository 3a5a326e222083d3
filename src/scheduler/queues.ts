import { coroutineFrom, type Coroutine } from './coroutine';
import { QueueEmpty, QueueFull, QueueShutDown, ValueError } from './errors';
import { requirePython } from './require-python';
import { Event } from './event';
import { LabelledPrimitive, removeItem } from './primitive-label';
import { pyLess } from './py-compare';
import { formatValue } from './format-value';
import type { Future } from './future';

/**
 * asyncio.Queue (3.11 queues.py): FIFO getters and putters; `join()` waits until `taskDone()`
 * was called for every item put. `maxsize <= 0` means unbounded.
 */
export class Queue<T = unknown> extends LabelledPrimitive {
  /** @internal the class's name for labels (survives minification). */
  static kindName = 'Queue';
  readonly maxsize: number;
  private readonly getters: Future<unknown>[] = [];
  private readonly putters: Future<unknown>[] = [];
  private unfinishedTasks = 0;
  /** 3.13: shutdown() was called (gets and puts raise QueueShutDown). */
  private isShutdown = false;
  private readonly finished = new Event();
  /** @internal the items, in the subclass's storage order */
  protected items: T[] = [];

  constructor(maxsize = 0) {
    const kind = (new.target as typeof Queue).kindName;
    super(kind, 'queue');
    if (typeof maxsize !== 'number' || !Number.isInteger(maxsize)) {
      throw new TypeError(`${kind}(): maxsize must be an integer (0 or less: unbounded), got ${formatValue(maxsize)}`);
    }
    this.maxsize = maxsize;
    this.finished.set();
    this.finished.waitKind = 'queue';
  }

  /** @internal store an item */
  protected putItem(item: T): void {
    this.items.push(item);
  }

  /** @internal take the next item */
  protected getItem(): T {
    return this.items.shift() as T;
  }

  /** Number of items. */
  qsize(): number {
    return this.items.length;
  }

  /** True when there are no items. */
  empty(): boolean {
    return this.items.length === 0;
  }

  /** True when maxsize > 0 and the queue holds maxsize items. */
  full(): boolean {
    return this.maxsize > 0 && this.qsize() >= this.maxsize;
  }

  /** Puts an item, waiting while the queue is full. */
  put(item: T): Coroutine<void> {
    return coroutineFrom('Queue.put', this.putBody(item));
  }

  /** Puts an item now; QueueFull if full. */
  putNowait(item: T): void {
    if (this.isShutdown) throw new QueueShutDown();
    if (this.full()) throw new QueueFull();
    this.putItem(item);
    this.unfinishedTasks++;
    this.finished.clear();
    wakeupNext(this.getters);
  }

  /** Takes an item, waiting while the queue is empty. */
  get(): Coroutine<T> {
    return coroutineFrom('Queue.get', this.getBody());
  }

  /** Takes an item now; QueueEmpty if empty. */
  getNowait(): T {
    if (this.empty()) throw this.isShutdown ? new QueueShutDown() : new QueueEmpty();
    const item = this.getItem();
    wakeupNext(this.putters);
    return item;
  }

  /** Marks one item as processed; ValueError when called more often than put. */
  taskDone(): void {
    if (this.unfinishedTasks <= 0) throw new ValueError('task_done() called too many times');
    this.unfinishedTasks--;
    if (this.unfinishedTasks === 0) this.finished.set();
  }

  /**
   * 3.13 (queues.py Queue.shutdown): puts raise QueueShutDown from now on, gets once the queue is
   * empty (at once with `immediate`, which also drops the items and counts them as done); every
   * waiting put() and get() is woken to see it.
   */
  shutdown(immediate = false): void {
    requirePython('Queue.shutdown()', 13);
    if (typeof immediate !== 'boolean') {
      throw new TypeError(`Queue.shutdown(): immediate must be true or false, got ${formatValue(immediate)}`);
    }
    this.isShutdown = true;
    if (immediate) {
      while (!this.empty()) {
        this.getItem();
        if (this.unfinishedTasks > 0) this.unfinishedTasks--;
      }
      if (this.unfinishedTasks === 0) this.finished.set();
    }
    for (const waiters of [this.getters, this.putters]) {
      while (waiters.length > 0) {
        const waiter = waiters.shift() as Future<unknown>;
        if (!waiter.done()) waiter.setResult(undefined);
      }
    }
  }

  /** Waits until every item put has been marked done. */
  join(): Coroutine<void> {
    return coroutineFrom('Queue.join', this.joinBody());
  }

  private *putBody(item: T): Generator<unknown, void, unknown> {
    while (this.full()) {
      if (this.isShutdown) throw new QueueShutDown();
      const putter = this.newWaiter<unknown>('.put()');
      this.putters.push(putter);
      try {
        yield putter;
      } catch (error) {
        putter.cancel();
        removeItem(this.putters, putter);
        // Woken by getNowait() but cannot take the slot: wake the next one in line.
        if (!this.full() && !putter.cancelled()) wakeupNext(this.putters);
        throw error;
      }
    }
    this.putNowait(item);
  }

  private *getBody(): Generator<unknown, T, unknown> {
    while (this.empty()) {
      if (this.isShutdown) throw new QueueShutDown();
      const getter = this.newWaiter<unknown>('.get()');
      this.getters.push(getter);
      try {
        yield getter;
      } catch (error) {
        getter.cancel();
        removeItem(this.getters, getter);
        if (!this.empty() && !getter.cancelled()) wakeupNext(this.getters);
        throw error;
      }
    }
    return this.getNowait();
  }

  private *joinBody(): Generator<unknown, void, unknown> {
    if (this.unfinishedTasks > 0) {
      this.finished.label = `${this.label}.join()`;
      yield this.finished.wait();
    }
  }

  /** CPython-like repr. */
  toString(): string {
    const shut = this.isShutdown ? ' shutdown' : '';
    return `<${(this.constructor as typeof Queue).kindName} maxsize=${this.maxsize} qsize=${this.qsize()}${shut}>`;
  }
}

/** Wakes the first waiter that is not done (queues.py _wakeup_next). */
function wakeupNext(waiters: Future<unknown>[]): void {
  while (waiters.length > 0) {
    const waiter = waiters.shift() as Future<unknown>;
    if (!waiter.done()) {
      waiter.setResult(undefined);
      break;
    }
  }
}

/**
 * asyncio.PriorityQueue: smallest item first, with Python's ordering (numbers, strings, and
 * arrays compared like tuples, e.g. `[priority, name]`), stored in a heapq-style heap.
 */
export class PriorityQueue<T = unknown> extends Queue<T> {
  static override kindName = 'PriorityQueue';

  protected override putItem(item: T): void {
    const a = this.items;
    a.push(item);
    let pos = a.length - 1;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!pyLess(item, a[parent])) break;
      a[pos] = a[parent];
      pos = parent;
    }
    a[pos] = item;
  }

  protected override getItem(): T {
    // heapq.heappop: move the last item to the top and sift it (CPython's exact algorithm).
    const a = this.items;
    const last = a.pop() as T;
    if (a.length === 0) return last;
    const top = a[0];
    a[0] = last;
    siftupHeapq(a, 0);
    return top;
  }
}

function siftupHeapq<T>(a: T[], start: number): void {
  const end = a.length;
  let pos = start;
  const item = a[pos];
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !pyLess(a[child], a[right])) child = right;
    a[pos] = a[child];
    pos = child;
    child = 2 * pos + 1;
  }
  a[pos] = item;
  // _siftdown(heap, start, pos)
  while (pos > start) {
    const parent = (pos - 1) >> 1;
    if (!pyLess(item, a[parent])) break;
    a[pos] = a[parent];
    pos = parent;
  }
  a[pos] = item;
}

/** asyncio.LifoQueue: last in, first out. */
export class LifoQueue<T = unknown> extends Queue<T> {
  static override kindName = 'LifoQueue';

  protected override getItem(): T {
    return this.items.pop() as T;
  }
}
