/** Test helpers: generator-written coroutines (what the compiler emits) and a virtual-clock runner. */
import { __awaiter } from '../../src/scheduler/ts-helpers-awaiter';
import { __addDisposableResource, __disposeResources } from '../../src/scheduler/disposal';
import {
  emitOutput,
  now,
  startRun,
  type Coroutine,
  type LoopOptions,
  type RunReport,
  type TraceEvent
} from '../../src/scheduler';

type Gen<T> = Generator<unknown, T, any>;

/**
 * One coroutine from a generator function: `coro('task1', function* () { yield sleep(3); })`.
 * The name is passed explicitly as the compiler does (vitest's esbuild renames duplicate
 * function names within a file).
 */
export function coro<T>(name: string, body: () => Gen<T>): Coroutine<T> {
  return __awaiter(undefined, undefined, name, body) as Coroutine<T>;
}

/** An "async function": each call makes a new coroutine, like `async function name(...)`. */
export function asyncFn<A extends unknown[], T>(
  name: string,
  body: (...args: A) => Gen<T>
): (...args: A) => Coroutine<T> {
  return (...args: A) => __awaiter(undefined, args, name, body as any) as Coroutine<T>;
}

/** print() as a cell sees it: one stdout line. */
export function print(...values: unknown[]): void {
  emitOutput('stdout', values.map(v => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ') + '\n');
}

/** Runs `main` on a virtual clock and collects "t: text" lines. */
export async function runLines<T>(
  main: Coroutine<T>,
  options: Partial<LoopOptions> = {}
): Promise<{ lines: string[]; report: RunReport<T> }> {
  const lines: string[] = [];
  const report = await startRun(main, {
    clock: 'virtual',
    ...options,
    onOutput: (_stream, text) => lines.push(`${now()}: ${text.replace(/\n$/, '')}`)
  }).done;
  return { lines, report };
}

/** The trace events of one type. */
export function eventsOf<K extends TraceEvent['type']>(
  report: RunReport<unknown>,
  type: K
): Extract<TraceEvent, { type: K }>[] {
  return report.trace.events.filter(e => e.type === type) as Extract<TraceEvent, { type: K }>[];
}

/**
 * `await using r = resource; body` as TypeScript emits it (env object, __addDisposableResource,
 * __disposeResources awaited in finally). Use with `yield* using(resource, function* (r) {...})`.
 */
export function* using<R, T>(resource: R, body: (r: R) => Gen<T>): Gen<T | undefined> {
  const env = { stack: [] as any[], error: undefined as unknown, hasError: false };
  try {
    const r = __addDisposableResource(env, resource, true);
    return yield* body(r);
  } catch (e) {
    env.error = e;
    env.hasError = true;
  } finally {
    const result = __disposeResources(env);
    if (result) yield result;
  }
  return undefined;
}
