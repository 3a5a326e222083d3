/**
 * Sets up a fresh checkout, and does nothing the second time unless an input changed:
 * npm dependencies (package-lock.json), the Python environment .venv (requirements-dev.txt),
 * the build (sources), and the extension installed into .venv from this checkout.
 * `--test` also makes sure Chromium is there for the UI tests, and LaTeX for the course's PDF.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, VENV, hashInputs, isFresh, run, step, venvBin, writeStamp } from './lib.mjs';
import { ensureChromium } from './chromium.mjs';
import { ensureLatex } from './course-latex.mjs';

const forTests = process.argv.includes('--test');

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`[coroutine-cells] Node.js 20 or newer is needed, this is ${process.version}.`);
  process.exit(1);
}

// 1. npm dependencies, exactly as locked.
const npmStamp = join(ROOT, 'node_modules', '.coroutine-cells-npm-stamp');
const npmDigest = hashInputs(['package-lock.json']);
if (!isFresh(npmStamp, npmDigest)) {
  // `npm ci`: exactly the lock, which it never rewrites (docs/testing.md, "Reproducible install").
  // It once rejected a lock written where the registry mirror lacked some optional platform
  // packages; tests/packaging/lockfile.test.ts now checks that the lock lists every one.
  step('installing npm dependencies (npm ci, exactly as locked)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeStamp(npmStamp, npmDigest);
}

// 2. The Python environment with JupyterLab.
const venvStamp = join(VENV, '.coroutine-cells-stamp');
const venvDigest = hashInputs(['requirements-dev.txt']);
if (!isFresh(venvStamp, venvDigest)) {
  if (!existsSync(venvBin('python'))) {
    step('creating the Python environment .venv');
    const python = findPython();
    run(python, ['-m', 'venv', VENV]);
  }
  step('installing JupyterLab and the test tools into .venv');
  run(venvBin('python'), ['-m', 'pip', 'install', '--quiet', '--upgrade', 'pip']);
  run(venvBin('python'), ['-m', 'pip', 'install', '--quiet', '-r', join(ROOT, 'requirements-dev.txt')]);
  // nbgrader (grading the course, tests/course) only needs its command line: its JupyterLab and
  // server extensions would change the JupyterLab that `npm start` and the UI tests open.
  run(venvBin('jupyter'), ['labextension', 'disable', '--level=sys_prefix', '@jupyter/nbgrader']);
  for (const name of ['assignment_list', 'course_list', 'formgrader', 'validate_assignment']) {
    run(venvBin('jupyter'), ['server', 'extension', 'disable', '--sys-prefix', `nbgrader.server_extensions.${name}`]);
  }
  writeStamp(venvStamp, venvDigest);
}

// 3. The build, when a source changed.
const buildStamp = join(ROOT, 'node_modules', '.cache', 'coroutine-cells', 'build-stamp');
const buildDigest = hashInputs([
  'src',
  'style',
  'schema',
  'package.json',
  'tsconfig.json',
  'webpack.config.js',
  'scripts/build.mjs',
  'scripts/build-worker.mjs',
  'scripts/build-kernel.mjs',
  'scripts/build-language-worker.mjs'
]);
const labextension = join(ROOT, 'jupyterlab_coroutine_cells', 'labextension');
const kernelHost = join(ROOT, 'jupyterlab_coroutine_cells', 'runtime', 'kernel-host.cjs');
if (!isFresh(buildStamp, buildDigest) || !existsSync(join(labextension, 'package.json')) || !existsSync(kernelHost)) {
  step('building the extension');
  run(process.execPath, [join(ROOT, 'scripts', 'build.mjs')]);
  writeStamp(buildStamp, buildDigest);
}

// 4. The extension installed into .venv from this checkout (editable + a symlink to the build),
// again when pyproject.toml changes (console scripts, entry points); with the kernelspec of the
// Jupyter kernel `coroutine-cells`, which an editable install does not put in place.
const installed = join(VENV, 'share', 'jupyter', 'labextensions', 'jupyterlab-coroutine-cells');
const installStamp = join(VENV, '.coroutine-cells-installed');
const installDigest = hashInputs(['pyproject.toml', 'jupyterlab_coroutine_cells/kernelspec']);
if (!isSymlink(installed) || !isFresh(installStamp, installDigest)) {
  step('installing the extension and the kernel into .venv from this checkout');
  run(venvBin('python'), ['-m', 'pip', 'install', '--quiet', '--no-build-isolation', '--no-deps', '-e', ROOT]);
  run(venvBin('jupyter-builder'), ['develop', '--overwrite', ROOT]);
  run(venvBin('jupyter'), [
    'kernelspec',
    'install',
    '--sys-prefix',
    '--name',
    'coroutine-cells',
    join(ROOT, 'jupyterlab_coroutine_cells', 'kernelspec')
  ]);
  writeStamp(installStamp, installDigest);
}

if (forTests) {
  ensureChromium();
  ensureLatex();
}
step('set-up is complete');

function findPython() {
  for (const candidate of ['python3', 'python']) {
    const probe = spawnSync(candidate, ['-c', 'import sys, venv; print(sys.version_info >= (3, 9))'], {
      encoding: 'utf8'
    });
    if (probe.status === 0 && probe.stdout.trim() === 'True') {
      return candidate;
    }
  }
  console.error(
    '[coroutine-cells] Python 3.9 or newer with the venv module is needed (e.g. apt-get install python3 python3-venv).'
  );
  process.exit(1);
}

function isSymlink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
