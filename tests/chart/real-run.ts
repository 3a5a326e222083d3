/** Runs small coroutine programs on the real scheduler to get real traces for the chart tests. */
import { startRun, type LoopOptions, type RunReport } from '../../src/scheduler';
import { coro } from '../scheduler/helpers';

// The generator-written coroutines (what the compiler emits) are the scheduler tests' own helpers.
export { asyncFn, coro, print } from '../scheduler/helpers';

type Gen<T> = Generator<unknown, T, any>;

/** Runs `body` as a cell body (role 'cell', named "cell[1]") on a virtual clock. */
export async function runCell(
  body: () => Gen<unknown>,
  options: Partial<LoopOptions> = {}
): Promise<RunReport<unknown>> {
  return startRun(coro('cell[1]', body), { clock: 'virtual', ...options, role: 'cell', mainName: 'cell[1]' }).done;
}
