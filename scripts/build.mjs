/**
 * Builds the extension: the worker bundle, the TypeScript library (lib/), then the prebuilt
 * labextension (jupyterlab_coroutine_cells/labextension) with @jupyter/builder (Rspack); before
 * that, the Node runtime the Python package carries (scripts/build-kernel.mjs).
 * `--development` makes an unminified labextension with source maps.
 */
import { join } from 'node:path';
import { buildLanguageWorker } from './build-language-worker.mjs';
import { buildKernelRuntime, buildNpmCli } from './build-kernel.mjs';
import { buildWorker } from './build-worker.mjs';
import { ROOT, run, step } from './lib.mjs';

const development = process.argv.includes('--development');

await buildWorker();
step('bundling the runtime of the Python package (kernel host, kernel worker, CLI) and the npm bin');
await buildKernelRuntime();
await buildNpmCli();
await buildLanguageWorker();
step('compiling TypeScript (tsc -b)');
run(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']);
step(`building the labextension (${development ? 'development' : 'production'})`);
run(process.execPath, [
  join(ROOT, 'node_modules', '@jupyter', 'builder', 'lib', 'build-labextension.js'),
  '--core-package-file',
  join(ROOT, 'node_modules', '@jupyterlab', 'core-meta', 'core.package.json'),
  ...(development ? ['--development'] : []),
  ROOT
]);
