/**
 * The benchmark workloads, written once per contender: this scheduler (driven with
 * generator-written coroutines through its `__awaiter` helper, in the shape the compiler emits:
 * one generator function per async function, so the figures measure the scheduler and not the
 * compiler), native async/await, and Effect.
 * A "task switch" is one step of one task: its start and each resumption after a yield.
 */
import { Effect } from 'effect';

/** The workloads: name -> tasks, yields per task, kind. */
export const WORKLOADS = {
  'sleep0-100k-x10': { kind: 'sleep0', tasks: 100_000, yields: 10, label: '100,000 tasks × 10 sleep(0)' },
  'sleep0-10k-x100': { kind: 'sleep0', tasks: 10_000, yields: 100, label: '10,000 tasks × 100 sleep(0)' },
  'timers-1m': {
    kind: 'timers',
    tasks: 1_000_000,
    yields: 1,
    label: '1,000,000 tasks, each sleeping a different virtual duration'
  },
  'gather-100k': { kind: 'gather', tasks: 100_000, yields: 1, label: 'gather of 100,000 tasks (1 sleep(0) each)' },
  'taskgroup-100k': {
    kind: 'taskgroup',
    tasks: 100_000,
    yields: 1,
    label: 'TaskGroup of 100,000 tasks (1 sleep(0) each)'
  }
};

/** Task switches a workload performs: every task starts once and resumes once per yield. */
export function switchesOf(w) {
  return w.tasks * (w.yields + 1);
}

/** Runs workload `w` on the scheduler bundle `S`; resolves to the run report. */
export function runOnScheduler(S, w, trace) {
  const { __awaiter } = S.coroutineHelpers;
  const { __addDisposableResource, __disposeResources } = S.coroutineHelpers;
  // `await sleep(0)` and `await sleep(d)` as the compiler emits them: a marker instead of a
  // coroutine when `sleep` is the scheduler's (see src/compiler/direct-sleep.ts).
  const { __cc_sleep, __cc_sleep0, __cc_sleepFor } = S.coroutineHelpers;
  const sleep = S.sleep;
  // One generator function per async function, passed the arguments: what the compiler emits.
  const yielderBody = function* (k) {
    for (let i = 0; i < k; i++) yield sleep === __cc_sleep ? __cc_sleep0 : sleep(0);
  };
  const sleeperBody = function* (d) {
    yield sleep === __cc_sleep ? __cc_sleepFor(d) : sleep(d);
  };
  const yielder = k => __awaiter(null, [k], 'task', yielderBody);
  const sleeper = d => __awaiter(null, [d], 'sleeper', sleeperBody);
  let main;
  if (w.kind === 'sleep0' || w.kind === 'timers') {
    main = __awaiter(null, void 0, 'main', function* () {
      const tasks = new Array(w.tasks);
      for (let i = 0; i < w.tasks; i++) {
        tasks[i] = S.createTask(w.kind === 'timers' ? sleeper((i + 1) / 1000) : yielder(w.yields));
      }
      for (let i = 0; i < w.tasks; i++) yield tasks[i];
    });
  } else if (w.kind === 'gather') {
    main = __awaiter(null, void 0, 'main', function* () {
      const coros = new Array(w.tasks);
      for (let i = 0; i < w.tasks; i++) coros[i] = yielder(w.yields);
      yield S.gather(coros);
    });
  } else if (w.kind === 'taskgroup') {
    if (!S.TaskGroup || !__addDisposableResource) return null;
    // The shape TypeScript emits for `{ await using tg = new TaskGroup(); ... }` at ES2016.
    main = __awaiter(null, void 0, 'main', function* () {
      const env_1 = { stack: [], error: void 0, hasError: false };
      try {
        const tg = __addDisposableResource(env_1, new S.TaskGroup(), true);
        for (let i = 0; i < w.tasks; i++) tg.createTask(yielder(w.yields));
      } catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
      } finally {
        const result_1 = __disposeResources(env_1);
        if (result_1) yield result_1;
      }
    });
  }
  return S.startRun(main, {
    clock: 'virtual',
    trace,
    maxSteps: Number.MAX_SAFE_INTEGER,
    maxWallTime: Infinity, // measured, not budgeted: a loaded machine may take long
    maxVirtualTime: 86_400
  }).done;
}

/**
 * The smallest virtual clock for native promises (the timers row's baseline): a binary heap of
 * (when, seq) -> resolver; the driver pops the earliest, sets the time, resolves it, and lets the
 * microtasks run. No cancellation, no ordering guarantees beyond the heap: a lower bound, not a
 * scheduler.
 */
async function nativeVirtualTimers(n) {
  const whens = [];
  const seqs = [];
  const resolvers = [];
  let size = 0;
  let seq = 0;
  const less = (i, j) => whens[i] < whens[j] || (whens[i] === whens[j] && seqs[i] < seqs[j]);
  const swap = (i, j) => {
    [whens[i], whens[j]] = [whens[j], whens[i]];
    [seqs[i], seqs[j]] = [seqs[j], seqs[i]];
    [resolvers[i], resolvers[j]] = [resolvers[j], resolvers[i]];
  };
  let now = 0;
  const vsleep = d =>
    new Promise(resolve => {
      let i = size++;
      whens[i] = now + d;
      seqs[i] = seq++;
      resolvers[i] = resolve;
      while (i > 0 && less(i, (i - 1) >> 1)) {
        swap(i, (i - 1) >> 1);
        i = (i - 1) >> 1;
      }
    });
  const sleeper = async d => {
    await vsleep(d);
  };
  const all = [];
  for (let i = 0; i < n; i++) all.push(sleeper((i + 1) / 1000));
  const done = Promise.all(all);
  while (size > 0) {
    now = whens[0];
    const resolve = resolvers[0];
    size--;
    swap(0, size);
    resolvers[size] = undefined;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const c = l + 1 < size && less(l + 1, l) ? l + 1 : l;
      if (!less(c, i)) break;
      swap(c, i);
      i = c;
    }
    resolve();
    await undefined; // let the woken sleeper finish before the clock moves on
  }
  await done;
  return true;
}

/** Native async/await: `await undefined` is one microtask turn, the closest thing to sleep(0). */
export async function runNative(w) {
  if (w.kind === 'timers') return nativeVirtualTimers(w.tasks);
  const yielder = async k => {
    for (let i = 0; i < k; i++) await undefined;
  };
  const ps = new Array(w.tasks);
  for (let i = 0; i < w.tasks; i++) ps[i] = yielder(w.yields);
  // Promise.all stands in for gather, and for a TaskGroup (no structured concurrency natively).
  await Promise.all(ps);
  return true;
}

/** Effect 3: one fiber per task, `Effect.yieldNow()` per yield, unbounded concurrency. */
export async function runEffect(w) {
  if (w.kind === 'timers') return null; // TestClock exists but is not a comparable scheduler path: n/a
  const task = w.yields === 1 ? Effect.yieldNow() : Effect.repeatN(Effect.yieldNow(), w.yields - 1);
  const items = Array.from({ length: w.tasks }, (_, i) => i);
  // forEach + discard for the "TaskGroup" shape, Effect.all for gather/sleep0.
  const program =
    w.kind === 'taskgroup'
      ? Effect.forEach(items, () => task, { concurrency: 'unbounded', discard: true })
      : Effect.all(
          items.map(() => task),
          { concurrency: 'unbounded' }
        );
  await Effect.runPromise(program);
  return true;
}
