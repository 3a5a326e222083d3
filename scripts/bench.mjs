#!/usr/bin/env node
/**
 * `npm run bench`: runs every benchmark of the project, one after another, and lets each print
 * its own table.
 *
 * Convention: a benchmark is a file `benchmarks/<area>/<name>.bench.mjs` that runs under plain
 * `node` (no prior build: bundle TypeScript sources on the fly with esbuild), prints its results
 * as a Markdown table on stdout, writes the same to `benchmarks/results/<area>.md`, and exits
 * non-zero only if it could not run. Helper modules next to it use any other name.
 * Extra arguments are passed to every benchmark (e.g. `npm run bench -- --only=gather-100k`);
 * `--filter=TEXT` runs only the benchmark files whose path contains TEXT.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'benchmarks');
const args = process.argv.slice(2);
const filter = args.find(a => a.startsWith('--filter='))?.slice('--filter='.length);
const passOn = args.filter(a => !a.startsWith('--filter='));

const files = existsSync(benchDir)
  ? readdirSync(benchDir, { withFileTypes: true })
      .filter(d => d.isDirectory() && d.name !== 'results')
      .flatMap(d =>
        readdirSync(join(benchDir, d.name))
          .filter(f => f.endsWith('.bench.mjs'))
          .sort()
          .map(f => join(benchDir, d.name, f))
      )
      .filter(f => !filter || f.includes(filter))
  : [];

if (files.length === 0) {
  console.error('bench: no benchmarks/<area>/*.bench.mjs found');
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  console.log(`\n## ${relative(root, file)}\n`);
  const result = spawnSync(process.execPath, [file, ...passOn], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    failed += 1;
    console.error(`bench: ${relative(root, file)} exited with ${result.status ?? result.signal}`);
  }
}
process.exit(failed ? 1 : 0);
