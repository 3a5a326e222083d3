import { coroutineFrom, isCoroutine, type Coroutine } from './coroutine';
import { ValueError } from './errors';
import { formatValue } from './format-value';
import { Future } from './future';
import { requireRunningLoop } from './loop-state';
import { checkOptionalDelay, checkOptions } from './validate';
import type { TimerHandle } from './handle';

/** wait()'s returnWhen values (asyncio's constants). */
export const FIRST_COMPLETED = 'FIRST_COMPLETED';
/** See FIRST_COMPLETED. */
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
/** See FIRST_COMPLETED. */
export const ALL_COMPLETED = 'ALL_COMPLETED';

/** Options of wait(). */
export interface WaitOptions {
  /** Seconds to wait at most (null or absent: no limit); on timeout wait() returns, it does not raise. */
  timeout?: number | null;
  /** When to return: FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED (the default). */
  returnWhen?: typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;
}

/** Checks an iterable of futures (no coroutines), dedups it keeping the first-seen order. */
export function collectFutures(caller: string, aws: unknown, allowCoroutines: boolean): unknown[] {
  if (
    aws instanceof Future ||
    isCoroutine(aws) ||
    aws === null ||
    aws === undefined ||
    typeof (aws as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function' ||
    typeof aws === 'string'
  ) {
    throw new TypeError(`${caller}: aws must be an iterable of Tasks/Futures, got ${formatValue(aws)}`);
  }
  const items = [...new Set(aws as Iterable<unknown>)];
  items.forEach((item, i) => {
    if (isCoroutine(item) && !allowCoroutines) {
      throw new TypeError(
        `${caller}: item ${i + 1} is a coroutine (${item}); passing coroutines is forbidden, use tasks explicitly`
      );
    }
    if (!(item instanceof Future) && !isCoroutine(item)) {
      throw new TypeError(`${caller}: item ${i + 1} must be a Task or Future, got ${formatValue(item)}`);
    }
  });
  return items;
}

function* waitBody(
  fs: Future<unknown>[],
  timeout: number | null,
  returnWhen: string
): Generator<unknown, [Set<Future<unknown>>, Set<Future<unknown>>], unknown> {
  const loop = requireRunningLoop('wait()');
  const waiter = new Future<unknown>(`wait(${fs.length} futures)`, 'future');
  let timeoutHandle: TimerHandle | null = null;
  if (timeout !== null)
    timeoutHandle = loop.callLater(
      timeout,
      (w: Future<unknown>) => {
        if (!w.done()) w.setResult(undefined);
      },
      waiter
    );
  let counter = fs.length;
  const onCompletion = (f: Future<unknown>): void => {
    counter--;
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== undefined && f._hasException)
    ) {
      if (timeoutHandle !== null) timeoutHandle.cancel();
      if (!waiter.done()) waiter.setResult(undefined);
    }
  };
  for (const f of fs) f.addDoneCallback(onCompletion);
  try {
    yield waiter;
  } finally {
    if (timeoutHandle !== null) timeoutHandle.cancel();
    for (const f of fs) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<Future<unknown>>();
  const pending = new Set<Future<unknown>>();
  for (const f of fs) (f.done() ? done : pending).add(f);
  return [done, pending];
}

/**
 * `wait` — `asyncio.wait`: waits for tasks/futures and gives `[done, pending]` Sets. Never raises
 * their exceptions, never cancels them, and a timeout does not raise. `options`:
 * `{ timeout?: number | null, returnWhen?: FIRST_COMPLETED | FIRST_EXCEPTION | ALL_COMPLETED }`.
 * @example const [done, pending] = await wait([t1, t2], { returnWhen: FIRST_COMPLETED });
 */
export function wait<T = unknown>(
  aws: Iterable<Future<T>>,
  options?: WaitOptions
): Coroutine<[Set<Future<T>>, Set<Future<T>>]> {
  const fs = collectFutures('wait()', aws, false) as Future<unknown>[];
  if (fs.length === 0) throw new ValueError('wait(): aws must not be empty (Set of Tasks/Futures is empty.)');
  const opts = checkOptions('wait()', options);
  const timeout = checkOptionalDelay('wait()', 'timeout', opts.timeout);
  const returnWhen = opts.returnWhen ?? ALL_COMPLETED;
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new ValueError(
      `wait(): returnWhen must be FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED, got ${formatValue(returnWhen)}`
    );
  }
  return coroutineFrom('wait', waitBody(fs, timeout, returnWhen)) as Coroutine<[Set<Future<T>>, Set<Future<T>>]>;
}
