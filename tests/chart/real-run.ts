/** Runs small coroutine programs on the real scheduler to get real traces for the chart tests. */
import { __awaiter, emitOutput, startRun, type Coroutine, type LoopOptions, type RunReport } from '../../src/scheduler';

type Gen<T> = Generator<unknown, T, any>;

/** A coroutine from a generator function, named as the compiler names it. */
export function coro<T>(name: string, body: () => Gen<T>): Coroutine<T> {
  return __awaiter(undefined, undefined, name, body) as Coroutine<T>;
}

/** An "async function": each call makes a new coroutine. */
export function asyncFn<A extends unknown[], T>(
  name: string,
  body: (...args: A) => Gen<T>
): (...args: A) => Coroutine<T> {
  return (...args: A) => __awaiter(undefined, args, name, body as any) as Coroutine<T>;
}

/** print() as cells have it. */
export function print(...values: unknown[]): void {
  emitOutput('stdout', values.map(v => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ') + '\n');
}

/** Runs `body` as a cell body (role 'cell', named "cell[1]") on a virtual clock. */
export async function runCell(
  body: () => Gen<unknown>,
  options: Partial<LoopOptions> = {}
): Promise<RunReport<unknown>> {
  return startRun(coro('cell[1]', body), { clock: 'virtual', ...options, role: 'cell', mainName: 'cell[1]' }).done;
}
