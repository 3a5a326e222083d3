#!/usr/bin/env node
/**
 * `coroutine-cells` from a fresh clone, no build step: bundles src/cli/main.ts for Node with
 * esbuild on the fly (node_modules packages stay external), caches the bundle in
 * node_modules/.cache/coroutine-cells/ keyed by a hash of the TypeScript sources, and runs it.
 * The bundle is CommonJS on purpose: Node loads the 9 MB typescript.js about twice as fast with
 * require() as with an ESM import (which first scans it for named exports).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A hash of every .ts file under src/ (names and contents), so any change rebuilds. */
function sourceHash() {
  const hash = createHash('sha256');
  const walk = dir => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  walk(join(root, 'src'));
  return hash.digest('hex').slice(0, 16);
}

async function cliBundle() {
  const dir = join(root, 'node_modules', '.cache', 'coroutine-cells');
  const outfile = join(dir, `cli-${sourceHash()}.cjs`);
  if (existsSync(outfile)) return outfile;
  mkdirSync(dir, { recursive: true });
  const { build } = await import('esbuild');
  // Build to a temporary name, then rename: two concurrent first runs never see half a file.
  const temporary = `${outfile}.${process.pid}.tmp.cjs`;
  await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    packages: 'external',
    outfile: temporary,
    logLevel: 'error'
  });
  renameSync(temporary, outfile);
  return outfile;
}

const { main } = createRequire(import.meta.url)(await cliBundle());
process.exitCode = await main(process.argv.slice(2));
