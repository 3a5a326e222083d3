/**
 * Bundles the coroutine runtime's Web Worker (src/worker/index.ts, with the TypeScript compiler,
 * the scheduler and the chart builder) into one self-contained script, lib/coroutine-worker.bundle.js.
 * The labextension build emits it as a plain asset (webpack.config.js), so the worker imports no
 * shared JupyterLab/Lumino module and is downloaded only when the first coroutine cell runs.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT, step } from './lib.mjs';

/** Builds the worker bundle; `outfile` defaults to lib/coroutine-worker.bundle.js. */
export async function buildWorker(outfile = join(ROOT, 'lib', 'coroutine-worker.bundle.js')) {
  const result = await build({
    entryPoints: [join(ROOT, 'src', 'worker', 'index.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    // Keep class and function names: errors are reported by name (CancelledError, TimeoutError…).
    keepNames: true,
    // The licences of bundled code (TypeScript is Apache-2.0) travel inside the bundle.
    legalComments: 'eof',
    outfile,
    // typescript.js probes for Node modules behind runtime checks; in a worker those branches
    // never run, so the modules are left out of the bundle.
    external: ['fs', 'path', 'os', 'crypto', 'perf_hooks', 'inspector', 'module', 'node:*', 'source-map-support'],
    logLevel: 'warning',
    metafile: true
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  step(`worker bundle: ${(bytes / 1024 / 1024).toFixed(2)} MB -> ${outfile}`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildWorker();
}
