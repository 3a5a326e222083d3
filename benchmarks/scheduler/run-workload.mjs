/**
 * Child process of the scheduler benchmark: runs ONE workload on the given contenders, in this
 * one process, and prints JSON {contender: {seconds, ok, note}} plus this process's peak RSS.
 * Usage: node run-workload.mjs WORKLOAD BUNDLE_PATH CONTENDER[*REPS][,CONTENDER[*REPS]...]
 * (with REPS, the contender runs REPS times and the fastest run counts).
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { WORKLOADS, runEffect, runNative, runOnScheduler } from './workloads.mjs';

const [workloadName, bundlePath, contenderList] = process.argv.slice(2);
const w = WORKLOADS[workloadName];
if (!w) throw new Error(`run-workload: unknown workload ${workloadName}`);
const S = await import(pathToFileURL(bundlePath).href);

const contenders = {
  'scheduler-off': () => runOnScheduler(S, w, false),
  'scheduler-on': () => runOnScheduler(S, w, true),
  native: () => runNative(w),
  effect: () => runEffect(w)
};

/** Runs `name` `reps` times and keeps the fastest run (the machine may be shared and noisy). */
async function measure(name, reps) {
  let best = null;
  for (let i = 0; i < reps; i++) {
    if (globalThis.gc) globalThis.gc();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const out = await contenders[name]();
    const cpu = process.cpuUsage(c0);
    const seconds = (performance.now() - t0) / 1000;
    // CPU time (user + system, all threads of this process) is what the table uses: on a shared,
    // oversubscribed machine it is far steadier than wall time.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (best === null || cpuSeconds < best.cpuSeconds) best = { out, seconds, cpuSeconds };
  }
  return best;
}

const results = {};
for (const spec of contenderList.split(',')) {
  // "name*3" = best of 3 runs
  const [name, repsText] = spec.split('*');
  let out;
  let seconds;
  let cpuSeconds;
  try {
    ({ out, seconds, cpuSeconds } = await measure(name, Number(repsText ?? 1)));
  } catch (e) {
    results[name] = { seconds: null, note: `failed: ${e && e.message}` };
    continue;
  }
  if (out === null) {
    results[name] = { seconds: null, note: 'n/a' };
  } else if (out && typeof out === 'object' && 'status' in out && out.status !== 'ok') {
    results[name] = { seconds: null, note: `run ${out.status}: ${out.error && out.error.message}` };
  } else {
    const extra = out && typeof out === 'object' && 'steps' in out ? { steps: out.steps, virtualTime: out.time } : {};
    results[name] = { seconds, cpuSeconds, ...extra };
  }
}
results.maxRssKb = process.resourceUsage().maxRSS;
process.stdout.write(JSON.stringify(results));
