/**
 * Bundles the TypeScript language worker (src/language/worker.ts: the TypeScript language
 * service, one program per notebook) into lib/language-worker.bundle.js, with the ES library
 * files and the cell API declarations (generated from src/ by src/language/api-declarations.ts)
 * inlined, so nothing is fetched from a CDN. The labextension emits it as an asset
 * (webpack.config.js), loaded when a coroutine cell first gets focus.
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, step } from './lib.mjs';

/** The lib files and API declarations, computed by the project's own TypeScript sources. */
export async function languageFiles() {
  const dir = join(ROOT, 'node_modules', '.cache', 'coroutine-cells');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `language-files-${process.pid}.cjs`);
  await build({
    entryPoints: [join(ROOT, 'src', 'language', 'node-files.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    outfile,
    logLevel: 'warning'
  });
  const { nodeLanguageFiles } = createRequire(import.meta.url)(outfile);
  return nodeLanguageFiles(join(ROOT, 'src'));
}

/** Builds the language worker bundle; `outfile` defaults to lib/language-worker.bundle.js. */
export async function buildLanguageWorker(outfile = join(ROOT, 'lib', 'language-worker.bundle.js')) {
  const files = await languageFiles();
  const result = await build({
    entryPoints: [join(ROOT, 'src', 'language', 'worker.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'eof',
    outfile,
    banner: { js: `var COROUTINE_CELLS_LANGUAGE_FILES = ${JSON.stringify(files)};` },
    // typescript.js probes for Node modules behind runtime checks that never pass in a worker.
    external: ['fs', 'path', 'os', 'crypto', 'perf_hooks', 'inspector', 'module', 'node:*', 'source-map-support'],
    logLevel: 'warning',
    metafile: true
  });
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  step(`language worker bundle: ${(bytes / 1024 / 1024).toFixed(2)} MB -> ${outfile}`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildLanguageWorker();
}
