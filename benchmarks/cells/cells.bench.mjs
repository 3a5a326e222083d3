/**
 * Cell latency benchmark (`npm run bench` runs it; or `node benchmarks/cells/cells.bench.mjs`).
 *
 * Bundles the runtime (compiler + scheduler + chart) with esbuild on the fly (no prior build),
 * then measures, in Node:
 *  - warm: compile + run of a lesson-sized cell (≤ 50 lines) in one notebook session, p50/p95
 *    over many runs (target p50 ≤ 30 ms), with and without the chart, and the compile step alone;
 *  - cold: the first cell in a fresh process, from process start (loading the TypeScript
 *    compiler included) to the end of the cell (target ≤ 1.5 s), median of a few processes.
 * Prints a Markdown table and writes it to benchmarks/results/cells.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../bench-lib.mjs';
import { LESSON_CELL } from './lesson-cell.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bundlePath = await bundleForNode('bench-cells', {
  CellSession: 'src/runtime/cell-session.ts',
  DEFAULT_CELL_OPTIONS: 'src/protocol/index.ts',
  compileCell: 'src/compiler/index.ts'
});

const args = process.argv.slice(2);
if (args[0] === '--cold-child') {
  // A fresh process: time from process start to the end of the first cell.
  const lib = createRequire(import.meta.url)(bundlePath);
  const loaded = performance.now();
  const session = new lib.CellSession();
  const result = await session.runCell({
    source: LESSON_CELL,
    cellLabel: 'cell[1]',
    executionCount: 1,
    options: lib.DEFAULT_CELL_OPTIONS
  });
  if (result.status !== 'ok') throw new Error(`cold cell failed: ${JSON.stringify(result.outputs)}`);
  process.stdout.write(JSON.stringify({ total: performance.now(), load: loaded, cell: performance.now() - loaded }));
  process.exit(0);
}

const lib = createRequire(import.meta.url)(bundlePath);
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const ms = x => `${x.toFixed(1)} ms`;

async function warm(chart, runs = 200) {
  const session = new lib.CellSession();
  const options = { ...lib.DEFAULT_CELL_OPTIONS, chart: { ...lib.DEFAULT_CELL_OPTIONS.chart, enabled: chart } };
  const times = [];
  for (let i = 0; i < runs + 20; i++) {
    const start = performance.now();
    const result = await session.runCell({ source: LESSON_CELL, cellLabel: `cell[${i}]`, executionCount: i, options });
    const elapsed = performance.now() - start;
    if (result.status !== 'ok') throw new Error(`warm cell failed: ${JSON.stringify(result.outputs)}`);
    if (i >= 20) times.push(elapsed);
  }
  return times;
}

function compileOnly(runs = 200) {
  const times = [];
  for (let i = 0; i < runs + 20; i++) {
    const start = performance.now();
    const result = lib.compileCell(LESSON_CELL, { cellLabel: 'cell[1]', url: `bench-${i}.js` });
    if (!result.ok) throw new Error('compile failed');
    if (i >= 20) times.push(performance.now() - start);
  }
  return times;
}

const withChart = await warm(true);
const withoutChart = await warm(false);
const compile = compileOnly();
const cold = [];
for (let i = 0; i < 5; i++) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--cold-child'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`cold child failed: ${child.stderr}`);
  cold.push(JSON.parse(child.stdout));
}
const coldTotal = cold.map(c => c.total);
const coldCell = cold.map(c => c.cell);
const coldLoad = cold.map(c => c.load);

const lines = LESSON_CELL.trim().split('\n').length;
const rows = [
  [
    'warm: compile + run + chart, p50',
    ms(quantile(withChart, 0.5)),
    '≤ 30 ms',
    quantile(withChart, 0.5) <= 30 ? 'yes' : 'NO'
  ],
  ['warm: compile + run + chart, p95', ms(quantile(withChart, 0.95)), '', ''],
  ['warm: compile + run (no chart), p50', ms(quantile(withoutChart, 0.5)), '', ''],
  ['warm: compile only, p50', ms(quantile(compile, 0.5)), '', ''],
  [
    'cold: process start → first cell done (median of 5)',
    ms(quantile(coldTotal, 0.5)),
    '≤ 1.5 s',
    quantile(coldTotal, 0.5) <= 1500 ? 'yes' : 'NO'
  ],
  ['cold: of which loading the modules (TypeScript…)', ms(quantile(coldLoad, 0.5)), '', ''],
  ['cold: of which the first cell (cold compiler)', ms(quantile(coldCell, 0.5)), '', '']
];
const table = [
  `Cell latency: a ${lines}-line lesson cell (gather, createTask, TaskGroup), Node ${process.version}, ` +
    `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()[0].toFixed(1)} when measured.`,
  '',
  '| measure | value | target | met |',
  '|---|---|---|---|',
  ...rows.map(r => `| ${r.join(' | ')} |`)
].join('\n');
console.log(table);
mkdirSync(join(root, 'benchmarks', 'results'), { recursive: true });
writeFileSync(join(root, 'benchmarks', 'results', 'cells.md'), `# Cell benchmark\n\n${table}\n`);
