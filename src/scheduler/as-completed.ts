import { coroutineFrom, type Coroutine } from './coroutine';
import { TimeoutError } from './errors';
import { Future } from './future';
import { requireRunningLoop } from './loop-state';
import { Queue } from './queues';
import { ensureFuture } from './task-api';
import { checkOptionalDelay, checkOptions } from './validate';
import { collectFutures } from './wait';
import type { TimerHandle } from './handle';

/** Options of asCompleted(). */
export interface AsCompletedOptions {
  /** Seconds until the remaining results raise TimeoutError (null or absent: no limit). */
  timeout?: number | null;
}

function* waitForOne<T>(done: Queue<Future<T> | null>): Generator<unknown, T, unknown> {
  const f = (yield done.get()) as Future<T> | null;
  if (f === null) throw new TimeoutError();
  return f.result();
}

function* iterate<T>(items: unknown[], timeout: number | null): Generator<Coroutine<T>, void, unknown> {
  // Like CPython's generator, nothing happens before the first iteration.
  const loop = requireRunningLoop('asCompleted()');
  const done = new Queue<Future<T> | null>();
  // Waits on this internal queue read as "asCompleted#1.get()" in the trace, kind 'future'.
  done.label = `asCompleted#${loop.nextSerial('asCompleted')}`;
  done.waitKind = 'future';
  // Tasks are made in argument order (CPython: set order, unspecified; project decision).
  const todo = new Set<Future<T>>(items.map((item, i) => ensureFuture<T>('asCompleted()', `item ${i + 1}`, item)));
  let timeoutHandle: TimerHandle | null = null;
  const onCompletion = (f: Future<T>): void => {
    if (todo.size === 0) return; // the timeout came first
    todo.delete(f);
    done.putNowait(f);
    if (todo.size === 0 && timeoutHandle !== null) timeoutHandle.cancel();
  };
  const onTimeout = (): void => {
    for (const f of todo) {
      f.removeDoneCallback(onCompletion);
      done.putNowait(null);
    }
    todo.clear();
  };
  for (const f of todo) f.addDoneCallback(onCompletion);
  if (todo.size > 0 && timeout !== null) timeoutHandle = loop.callLater(timeout, onTimeout);
  const n = todo.size;
  for (let i = 0; i < n; i++) yield coroutineFrom('asCompleted', waitForOne(done));
}

/**
 * `asCompleted` — `asyncio.as_completed`: an iterable of coroutines that give the results in the
 * order they complete; `for (const next of asCompleted(tasks)) print(await next)`. `options`:
 * `{ timeout?: number | null }`: after it the remaining ones raise TimeoutError (pending tasks
 * are not cancelled).
 */
export function asCompleted<T = unknown>(aws: Iterable<Future<T> | Coroutine<T>>, options?: AsCompletedOptions): Iterable<Coroutine<T>> {
  const items = collectFutures('asCompleted()', aws, true);
  const opts = checkOptions('asCompleted()', options);
  const timeout = checkOptionalDelay('asCompleted()', 'timeout', opts.timeout);
  return iterate<T>(items, timeout);
}
