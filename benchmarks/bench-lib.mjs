/**
 * Helpers shared by the benchmarks (not a benchmark: scripts/bench.mjs runs only `*.bench.mjs`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles `exports` (exported name(s) → source file under the repository root) into a CommonJS
 * file `node_modules/.cache/coroutine-cells/<name>.cjs` and returns its path. CommonJS next to
 * node_modules: packages stay external and resolve there, and Node loads typescript.js about twice
 * as fast with require() as with an ESM import.
 */
export async function bundleForNode(name, exports) {
  const cacheDir = join(root, 'node_modules', '.cache', 'coroutine-cells');
  mkdirSync(cacheDir, { recursive: true });
  const entry = join(cacheDir, `${name}-entry.ts`);
  const lines = Object.entries(exports).map(
    ([names, file]) => `export { ${names} } from ${JSON.stringify(join(root, file))};`
  );
  writeFileSync(entry, `${lines.join('\n')}\n`);
  const outfile = join(cacheDir, `${name}.cjs`);
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    outfile,
    packages: 'external',
    logLevel: 'error'
  });
  return outfile;
}

/** The machine's load now, as the benchmarks print it beside their figures. */
export function loadAverage() {
  const averages = loadavg()
    .map(x => x.toFixed(2))
    .join(' / ');
  return `load average ${averages} (1 / 5 / 15 min) on ${cpus().length} cores`;
}
