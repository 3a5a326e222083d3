import { coroutineFrom, type Coroutine } from './coroutine';
import { TimeoutError } from './errors';
import { Future } from './future';
import { getRunningLoop, requireRunningLoop } from './loop-state';
import { Queue } from './queues';
import { ensureFuture } from './task-api';
import { checkOptionalDelay, checkOptions } from './validate';
import { requirePython } from './require-python';
import { collectFutures } from './wait';
import type { TimerHandle } from './handle';

/** Options of asCompleted(). */
export interface AsCompletedOptions {
  /** Seconds until the remaining results raise TimeoutError (null or absent: no limit). */
  timeout?: number | null;
}

function* waitForOne<T>(done: Queue<Future<T> | null>, resolve: boolean): Generator<unknown, T | Future<T>, unknown> {
  const f = (yield done.get()) as Future<T> | null;
  if (f === null) throw new TimeoutError();
  return resolve ? f.result() : f;
}

/** The shared state: the futures not done yet and the queue they arrive in, in completion order. */
class CompletionQueue<T> {
  readonly done: Queue<Future<T> | null>;
  left: number;

  constructor(items: unknown[], timeout: number | null) {
    const loop = requireRunningLoop('asCompleted()');
    this.done = new Queue<Future<T> | null>();
    // Waits on this internal queue read as "asCompleted#1.get()" in the trace, kind 'future'.
    this.done.label = `asCompleted#${loop.nextSerial('asCompleted')}`;
    this.done.waitKind = 'future';
    // Tasks are made in argument order (CPython: set order, unspecified; project decision).
    const todo = new Set<Future<T>>(items.map((item, i) => ensureFuture<T>('asCompleted()', `item ${i + 1}`, item)));
    let timeoutHandle: TimerHandle | null = null;
    const onCompletion = (f: Future<T>): void => {
      if (todo.size === 0) return; // the timeout came first
      todo.delete(f);
      this.done.putNowait(f);
      if (todo.size === 0 && timeoutHandle !== null) timeoutHandle.cancel();
    };
    const onTimeout = (): void => {
      for (const f of todo) {
        f.removeDoneCallback(onCompletion);
        this.done.putNowait(null);
      }
      todo.clear();
    };
    for (const f of todo) f.addDoneCallback(onCompletion);
    if (todo.size > 0 && timeout !== null) timeoutHandle = loop.callLater(timeout, onTimeout);
    this.left = todo.size;
  }
}

function* iterate<T>(items: unknown[], timeout: number | null): Generator<Coroutine<T>, void, unknown> {
  // 3.11/3.12 (tasks.py as_completed is a generator): nothing happens before the first iteration.
  const queue = new CompletionQueue<T>(items, timeout);
  for (let n = queue.left; n > 0; n--) yield coroutineFrom('asCompleted', waitForOne(queue.done, true)) as Coroutine<T>;
}

/**
 * 3.13 (tasks.py _AsCompletedIterator): the tasks are made when asCompleted() is called; a plain
 * `for` gives coroutines of the results, as before; `for await` gives the original tasks and
 * futures themselves, in completion order.
 */
class AsCompletedIterator<T> implements Iterable<Coroutine<T>>, AsyncIterable<Future<T>> {
  private readonly queue: CompletionQueue<T>;

  constructor(items: unknown[], timeout: number | null) {
    this.queue = new CompletionQueue<T>(items, timeout);
  }

  [Symbol.iterator](): Iterator<Coroutine<T>> {
    return {
      next: (): IteratorResult<Coroutine<T>> => {
        if (this.queue.left <= 0) return { done: true, value: undefined };
        this.queue.left--;
        return { done: false, value: coroutineFrom('asCompleted', waitForOne(this.queue.done, true)) as Coroutine<T> };
      }
    };
  }

  [Symbol.asyncIterator](): AsyncIterator<Future<T>> {
    const next = (): Coroutine<IteratorResult<Future<T>>> => coroutineFrom('asCompleted.__anext__', this.anext());
    return { next } as unknown as AsyncIterator<Future<T>>;
  }

  private *anext(): Generator<unknown, IteratorResult<Future<T>>, unknown> {
    if (this.queue.left <= 0) return { done: true, value: undefined };
    this.queue.left--;
    const f = (yield* waitForOne(this.queue.done, false)) as Future<T>;
    return { done: false, value: f };
  }
}

/**
 * `asCompleted` — `asyncio.as_completed`: an iterable of coroutines that give the results in the
 * order they complete; `for (const next of asCompleted(tasks)) print(await next)`. `options`:
 * `{ timeout?: number | null }`: after it the remaining ones raise TimeoutError (pending tasks
 * are not cancelled).
 * From 3.13 it is also an async iterable of the original tasks (`for await (const t of ...)`).
 */
export function asCompleted<T = unknown>(
  aws: Iterable<Future<T> | Coroutine<T>>,
  options?: AsCompletedOptions
): Iterable<Coroutine<T>> & AsyncIterable<Future<T>> {
  const items = collectFutures('asCompleted()', aws, true);
  const opts = checkOptions('asCompleted()', options);
  const timeout = checkOptionalDelay('asCompleted()', 'timeout', opts.timeout);
  const loop = getRunningLoop();
  if (loop !== null && loop.pythonMinor >= 13) return new AsCompletedIterator<T>(items, timeout);
  const generator = iterate<T>(items, timeout) as Generator<Coroutine<T>, void, unknown> & AsyncIterable<Future<T>>;
  // Before 3.13 as_completed is a plain generator: `async for` over it is an error in Python too.
  (generator as unknown as { [Symbol.asyncIterator]: () => never })[Symbol.asyncIterator] = () => {
    requirePython('for await over asCompleted()', 13);
    throw new TypeError('for await over asCompleted() needs Python 3.13');
  };
  return generator;
}
