/**
 * Scheduler benchmark (`npm run bench` runs it; or `node benchmarks/scheduler/scheduler.bench.mjs`).
 *
 * Builds src/scheduler with esbuild on the fly (no prior build), then for each workload runs, in
 * ONE child process, this scheduler with tracing off and on, native async/await + Promise.all,
 * and Effect 3 (`Effect.yieldNow()`, unbounded concurrency); CPython 3.11 asyncio runs the same
 * workload in a python3 subprocess (loop part timed). The 1,000,000-timer run gets its own
 * children per contender (three; the least CPU counts) so its peak RSS is its own. Then the
 * in-cell workload: the 100,000 × 10 sleep(0) workload written as a TypeScript cell and run
 * with the default cell options through the runtime path `coroutine-cells run` uses (compile,
 * trace, chart), compared with the native and CPython figures of the same workload from the
 * same run. Prints Markdown tables (ns per task
 * switch and ratios; the machine's load) and writes them to benchmarks/results/scheduler.md.
 * Options: --only=NAME[,NAME] to run some workloads (in-cell is a name too).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { WORKLOADS, switchesOf } from './workloads.mjs';
import { bundleForNode, loadAverage } from '../bench-lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const only = process.argv
  .find(a => a.startsWith('--only='))
  ?.slice(7)
  .split(',');

const tmp = mkdtempSync(join(tmpdir(), 'coroutine-cells-bench-'));
const bundlePath = join(tmp, 'scheduler.mjs');
const built = await esbuild.build({
  entryPoints: [join(root, 'src/scheduler/index.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false
});
writeFileSync(bundlePath, built.outputFiles[0].text);
// The runtime (compiler + scheduler + chart) for the in-cell workload: CommonJS next to
// node_modules so `typescript` and `vega-lite` resolve (they stay external).
const cellsBundlePath = await bundleForNode('bench-in-cell', {
  CellSession: 'src/runtime/cell-session.ts',
  DEFAULT_CELL_OPTIONS: 'src/protocol/index.ts'
});
const startedAt = new Date();
const loadBefore = loadAverage();

function inCell() {
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', join(here, 'in-cell.mjs'), cellsBundlePath, '3'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20
    }
  );
  return JSON.parse(out);
}

function node(workload, contenders) {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      join(here, 'run-workload.mjs'),
      workload,
      bundlePath,
      contenders.join(',')
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 }
  );
  return JSON.parse(out);
}

/** How many processes each contender of the 1,000,000-timer row runs in. */
const TIMER_RUNS = 3;

/** Runs `contender` on `workload` in TIMER_RUNS processes: the run with the least CPU, with the largest peak RSS. */
function fewestCpu(workload, contender) {
  const runs = Array.from({ length: TIMER_RUNS }, () => node(workload, [contender]));
  const cpu = run => run[contender]?.cpuSeconds ?? Infinity;
  const best = runs.reduce((a, b) => (cpu(b) < cpu(a) ? b : a));
  return { ...best, maxRssKb: Math.max(...runs.map(run => run.maxRssKb)) };
}

function python(w) {
  const kind = w.kind;
  try {
    const out = execFileSync('python3', [join(here, 'asyncio_bench.py'), kind, String(w.tasks), String(w.yields)], {
      encoding: 'utf8'
    });
    return JSON.parse(out);
  } catch (e) {
    return { seconds: null, note: `failed: ${e.message.split('\n')[0]}` };
  }
}

const rows = [];
for (const [name, w] of Object.entries(WORKLOADS)) {
  if (only && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name} ...\n`);
  let r;
  if (w.kind === 'timers') {
    // Each in processes of its own (so the peak RSS is its own), the least CPU of TIMER_RUNS;
    // the peak RSS reported is the largest of those runs.
    const off = fewestCpu(name, 'scheduler-off');
    const on = fewestCpu(name, 'scheduler-on');
    const nat = fewestCpu(name, 'native');
    r = {
      ...node(name, ['effect']),
      native: nat.native,
      'scheduler-off': off['scheduler-off'],
      'scheduler-on': on['scheduler-on']
    };
    r.nativeRssKb = nat.maxRssKb;
    r.schedulerOffRssKb = off.maxRssKb;
    r.schedulerOnRssKb = on.maxRssKb;
  } else {
    // best of 5 for the fast contenders (their GC-heavy runs vary); Effect and CPython run once
    r = node(name, ['native*5', 'scheduler-off*5', 'scheduler-on*5', 'effect']);
  }
  r.cpython = python(w);
  rows.push({ name, w, r });
}
let cell = null;
if (!only || only.includes('in-cell')) {
  process.stderr.write('bench: in-cell ...\n');
  cell = inCell();
}
rmSync(tmp, { recursive: true, force: true });
const loadAfter = loadAverage();

// CPU seconds of the measuring process (user + system); see run-workload.mjs for why.
const ns = (c, w) => (c && c.cpuSeconds != null ? (c.cpuSeconds * 1e9) / switchesOf(w) : null);
const f = x => (x == null ? 'n/a' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ratio = (a, b) => (a == null || b == null ? 'n/a' : (a / b).toFixed(2) + '×');
const mark = ok => (ok == null ? '' : ok ? ' ✓' : ' ✗');

const lines = [];
lines.push(
  `Scheduler benchmark — node ${process.version}, python3 ${execFileSync('python3', ['-c', 'import sys;print(sys.version.split()[0])'], { encoding: 'utf8' }).trim()}, ${cpus()[0]?.model ?? 'cpu'}`
);
lines.push('');
lines.push(
  `Run from ${startedAt.toISOString().slice(0, 16)}Z to ${new Date().toISOString().slice(11, 16)}Z; ${loadBefore} before, ${loadAfter} after. The machine is shared: figures are noisy.`
);
lines.push('');
lines.push(
  'ns of CPU time per task switch (a switch = one task step: its start or one resumption after a yield). CPU time (user + system of the measuring process) rather than wall time, because the benchmark machine may be shared; on an idle machine they are close.'
);
lines.push('');
lines.push(
  '| workload | sched. trace off | sched. trace on | native await | CPython asyncio | Effect | off / native (≤ 1.5 gather, TaskGroup; ≤ 1.2 others) | CPython / off | Effect / off | on / off (≤ 2) |'
);
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const checks = [];
for (const { name, w, r } of rows) {
  const off = ns(r['scheduler-off'], w);
  const on = ns(r['scheduler-on'], w);
  const nat = ns(r.native, w);
  const py = ns(r.cpython, w);
  const eff = ns(r.effect, w);
  const t = (a, b, ok) => ratio(a, b) + (a == null || b == null || ok == null ? '' : mark(ok(a / b)));
  const nativeTarget = w.kind === 'gather' || w.kind === 'taskgroup' ? 1.5 : 1.2;
  lines.push(
    `| ${w.label} | ${f(off)} | ${f(on)} | ${f(nat)} | ${f(py)} | ${f(eff)} | ${t(off, nat, x => x <= nativeTarget)} | ${t(py, off)} | ${t(eff, off)} | ${t(on, off, x => x <= 2)} |`
  );
  for (const [k, v] of Object.entries(r))
    if (v && v.note && v.note !== 'n/a') checks.push(`- ${name} / ${k}: ${v.note}`);
  if (w.kind === 'timers') {
    const offS = r['scheduler-off']?.seconds;
    const offCpu = r['scheduler-off']?.cpuSeconds;
    const rss = r.schedulerOffRssKb / 1024;
    checks.push(
      `- 1,000,000 timers, tracing off: ${offS == null ? 'n/a' : `${offS.toFixed(2)} s wall, ${offCpu.toFixed(2)} s CPU${mark(offCpu <= 2)}`} (target ≤ 2 s CPU), ` +
        `peak RSS of its process ${rss.toFixed(0)} MB (target ≤ 700 MB${mark(rss <= 700)}); ` +
        `tracing on: ${r['scheduler-on']?.seconds?.toFixed(2) ?? 'n/a'} s wall, ${r['scheduler-on']?.cpuSeconds?.toFixed(2) ?? 'n/a'} s CPU, peak RSS ${(r.schedulerOnRssKb / 1024).toFixed(0)} MB; ` +
        `native promises + minimal virtual clock: ${r.native?.seconds?.toFixed(2) ?? 'n/a'} s wall, ${r.native?.cpuSeconds?.toFixed(2) ?? 'n/a'} s CPU, peak RSS ${((r.nativeRssKb ?? 0) / 1024).toFixed(0)} MB; ` +
        `CPython (its own BaseEventLoop on the virtual clock of tests/reference/python): ${r.cpython.seconds?.toFixed(2) ?? 'n/a'} s wall, peak RSS ${((r.cpython.maxrss_kb ?? 0) / 1024).toFixed(0)} MB`
    );
  }
}
lines.push('');
lines.push('Notes:');
lines.push(
  '- Scheduler and native: best of 5 runs in the same process (JIT warm); Effect and CPython: one run each; the 1,000,000-timer rows: the run with the least CPU of 3 processes per contender, with the largest peak RSS of the 3.'
);
lines.push(
  '- Scheduler: coroutines written as generators through its `__awaiter` helper (what the compiler emits), virtual clock, `startRun` with the default trace cap when tracing is on.'
);
lines.push(
  '- Native: `await undefined` (one microtask) stands in for `sleep(0)`; `Promise.all` for gather and TaskGroup; for the timers, native async functions awaiting promises resolved by a 40-line virtual clock (a heap of resolvers, no cancellation): a lower bound, not a scheduler.'
);
lines.push(
  '- CPython: `asyncio.run` on the default loop, loop part timed only; timers use the virtual-clock loop (the default loop would really sleep).'
);
lines.push(
  '- Effect: `Effect.all` / `Effect.forEach(..., { discard: true })` with `{ concurrency: "unbounded" }` and `Effect.yieldNow()`; no timer row (TestClock is not a comparable path).'
);
lines.push(...checks);
if (cell !== null) {
  const base = rows.find(row => row.name === 'sleep0-100k-x10');
  const nat = base?.r.native?.cpuSeconds;
  const py = base?.r.cpython?.cpuSeconds ?? base?.r.cpython?.seconds;
  const sec = x => (x == null ? 'n/a' : `${(x * 1000).toFixed(0)} ms`);
  lines.push('');
  lines.push(
    '**In a cell, with the defaults** (100,000 tasks × 10 `await sleep(0)` written as a TypeScript cell, run by `CellSession.runCell` with the default cell options as `coroutine-cells run` does: trace, chart and outside-wait limit on; compile and chart included; CPU time, best of 3):'
  );
  lines.push('');
  lines.push('| in-cell | native await | CPython asyncio | cell / native (≤ 1.5) | CPython / cell (≥ 5) |');
  lines.push('|---:|---:|---:|---:|---:|');
  const ok = cell.status === 'ok';
  const c = ok ? cell.cpuSeconds : null;
  const t = (a, b, good) => (a == null || b == null ? 'n/a' : `${(a / b).toFixed(2)}×${mark(good(a / b))}`);
  lines.push(
    `| ${ok ? sec(c) : `failed: ${cell.note ?? cell.status}`} | ${sec(nat)} | ${sec(py)} | ${t(c, nat, x => x <= 1.5)} | ${t(py, c, x => x >= 5)} |`
  );
  if (ok)
    lines.push(
      '',
      `(wall time of the best in-cell run: ${sec(cell.seconds)}; peak RSS of its process ${(cell.maxRssKb / 1024).toFixed(0)} MB; native and CPython figures are those of the first row of the table above, from the same run)`
    );
}
const table = lines.join('\n') + '\n';
process.stdout.write(table);
mkdirSync(join(root, 'benchmarks', 'results'), { recursive: true });
writeFileSync(join(root, 'benchmarks', 'results', 'scheduler.md'), '# Scheduler benchmark\n\n' + table);
