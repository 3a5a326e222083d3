/**
 * Child process of the scheduler benchmark for the in-cell workload: 100,000 tasks × 10
 * `await sleep(0)` written as a TypeScript coroutine cell and run through the runtime path that
 * `coroutine-cells run` uses (CellSession.runCell with the default cell options: trace, chart and
 * the outside-wait limit on; compile and chart included in the time).
 * Usage: node in-cell.mjs BUNDLE_PATH REPS  (bundle: CellSession + DEFAULT_CELL_OPTIONS, CommonJS).
 * Prints JSON {seconds, cpuSeconds, steps, status} of the fastest run (by CPU time) and maxRssKb.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

/** The cell, as a new user would write it. */
export const IN_CELL_SOURCE = `async function worker() {
  for (let i = 0; i < 10; i++) await sleep(0);
}
const tasks = [];
for (let i = 0; i < 100_000; i++) tasks.push(createTask(worker()));
for (const t of tasks) await t;
`;

const [bundlePath, repsText = '3'] = process.argv.slice(2);
if (bundlePath) {
  const lib = createRequire(import.meta.url)(bundlePath);
  let best = null;
  for (let i = 0; i < Number(repsText); i++) {
    if (globalThis.gc) globalThis.gc();
    const session = new lib.CellSession();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = await session.runCell({
      source: IN_CELL_SOURCE,
      cellLabel: 'cell[1]',
      executionCount: 1,
      options: lib.DEFAULT_CELL_OPTIONS
    });
    const cpu = process.cpuUsage(c0);
    const seconds = (performance.now() - t0) / 1000;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const error = result.outputs.find(o => o.output_type === 'error');
    const run = {
      seconds,
      cpuSeconds,
      status: result.status,
      note: error ? `${error.ename}: ${error.evalue}` : undefined
    };
    if (result.status !== 'ok') {
      best = run;
      break;
    }
    if (best === null || cpuSeconds < best.cpuSeconds) best = run;
  }
  process.stdout.write(JSON.stringify({ ...best, maxRssKb: process.resourceUsage().maxRSS }));
}
