/**
 * Builds the JupyterLite site of the UI tests into _lite/: jupyterlite-core (requirements-lite.txt)
 * installed into .venv, then `jupyter lite build` with this extension (installed into .venv by
 * scripts/setup.mjs), the notebooks of lite/files and the course's lessons (examples/) under
 * course/. The site runs coroutine cells with no server.
 * Does nothing the second time unless an input changed. Run it after scripts/setup.mjs.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, VENV, hashInputs, isFresh, run, step, venvBin, writeStamp } from './lib.mjs';

const labextension = join(ROOT, 'jupyterlab_coroutine_cells', 'labextension');
if (!existsSync(join(labextension, 'package.json'))) {
  console.error('[coroutine-cells] the extension is not built yet: run `node scripts/setup.mjs` first.');
  process.exit(1);
}

// 1. jupyterlite-core in the project's Python environment.
const liteStamp = join(VENV, '.coroutine-cells-lite-stamp');
const liteDigest = hashInputs(['requirements-lite.txt']);
if (!isFresh(liteStamp, liteDigest)) {
  step('installing jupyterlite-core into .venv');
  run(venvBin('python'), ['-m', 'pip', 'install', '--quiet', '-r', join(ROOT, 'requirements-lite.txt')]);
  writeStamp(liteStamp, liteDigest);
}

// 2. The site, when the extension, the lite configuration or jupyterlite changed.
const output = join(ROOT, '_lite');
const siteStamp = join(ROOT, 'node_modules', '.cache', 'coroutine-cells', 'lite-stamp');
const siteDigest = hashInputs([
  'lite',
  'examples',
  'requirements-lite.txt',
  'jupyterlab_coroutine_cells/labextension',
  'scripts/build-lite.mjs'
]);
if (!isFresh(siteStamp, siteDigest) || !existsSync(join(output, 'lab', 'index.html'))) {
  step('building the JupyterLite site into _lite/');
  // jupyter lite keeps a build database in its lite dir: build from a scratch copy, so the
  // checkout's lite/ holds only the sources.
  const scratch = join(ROOT, 'node_modules', '.cache', 'coroutine-cells', 'lite-src');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  cpSync(join(ROOT, 'lite'), scratch, { recursive: true });
  // The course's lessons too, under course/ (the lite UI tests run one).
  cpSync(join(ROOT, 'examples'), join(scratch, 'files', 'course'), {
    recursive: true,
    filter: src => !src.includes('nbgrader')
  });
  rmSync(output, { recursive: true, force: true });
  run(venvBin('jupyter'), ['lite', 'build', '--lite-dir', scratch, '--output-dir', output], { cwd: scratch });
  if (!existsSync(join(output, 'extensions', 'jupyterlab-coroutine-cells', 'package.json'))) {
    console.error('[coroutine-cells] the JupyterLite site does not contain jupyterlab-coroutine-cells.');
    process.exit(1);
  }
  writeStamp(siteStamp, siteDigest);
}
step('the JupyterLite site is in _lite/');
