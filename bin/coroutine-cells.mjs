#!/usr/bin/env node
/**
 * `coroutine-cells` from a fresh clone, no build step: bundles src/cli/main.ts (and the worker
 * thread its cells run in) for Node with esbuild on the fly (node_modules packages stay
 * external), caches the bundle in node_modules/.cache/coroutine-cells/ keyed by a hash of the
 * TypeScript sources, and runs it.
 * The bundle is CommonJS on purpose: Node loads the 9 MB typescript.js about twice as fast with
 * require() as with an ESM import (which first scans it for named exports).
 * An installed npm package has no src/: it runs the prebuilt lib/cli-bundle instead.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
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

/** Bundles the CLI and the worker thread its cells run in (src/cli/runner-worker.ts). */
async function cliBundle() {
  const dir = join(root, 'node_modules', '.cache', 'coroutine-cells');
  const outdir = join(dir, `cli-${sourceHash()}`);
  if (existsSync(join(outdir, 'main.cjs'))) return outdir;
  mkdirSync(dir, { recursive: true });
  const { build } = await import('esbuild');
  // Build into a temporary folder, then rename: two concurrent first runs never see half a bundle.
  const temporary = `${outdir}.${process.pid}.tmp`;
  await build({
    entryPoints: {
      main: join(root, 'src', 'cli', 'main.ts'),
      'runner-worker': join(root, 'src', 'cli', 'runner-worker.ts')
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    packages: 'external',
    outdir: temporary,
    outExtension: { '.js': '.cjs' },
    logLevel: 'error'
  });
  try {
    renameSync(temporary, outdir);
  } catch (error) {
    // Another run renamed its identical bundle first.
    if (!existsSync(join(outdir, 'main.cjs'))) throw error;
    rmSync(temporary, { recursive: true, force: true });
  }
  return outdir;
}

// The npm package ships the bundle prebuilt (lib/cli-bundle, by scripts/build-kernel.mjs) and no src/.
const prebuilt = join(root, 'lib', 'cli-bundle');
const outdir = existsSync(join(root, 'src')) ? await cliBundle() : prebuilt;
const { main } = createRequire(import.meta.url)(join(outdir, 'main.cjs'));
process.exitCode = await main(process.argv.slice(2), process, { runnerFile: join(outdir, 'runner-worker.cjs') });
