/**
 * The course as a JupyterLite site: the extension (installed into .venv by scripts/setup.mjs)
 * and the given notebooks, built with jupyterlite-core (requirements-lite.txt) from the lite/
 * configuration. Served as plain files, every lesson runs in the browser with no server.
 *
 * usage: node scripts/course-lite.mjs NOTEBOOK_DIR OUTPUT_DIR
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, VENV, hashInputs, isFresh, run, venvBin, writeStamp } from './lib.mjs';

const [notebooks, output] = process.argv.slice(2).map(p => resolve(p));
if (!notebooks || !output) {
  console.error('usage: node scripts/course-lite.mjs NOTEBOOK_DIR OUTPUT_DIR');
  process.exit(2);
}
const liteStamp = join(VENV, '.coroutine-cells-lite-stamp');
const liteDigest = hashInputs(['requirements-lite.txt']);
if (!isFresh(liteStamp, liteDigest)) {
  run(venvBin('python'), ['-m', 'pip', 'install', '--quiet', '-r', join(ROOT, 'requirements-lite.txt')]);
  writeStamp(liteStamp, liteDigest);
}
// jupyter lite keeps a build database in its lite dir: build from a scratch copy of lite/.
const scratch = join(ROOT, 'node_modules', '.cache', 'coroutine-cells', 'course-lite-src');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
for (const file of ['jupyter-lite.json', 'jupyter_lite_config.json'])
  cpSync(join(ROOT, 'lite', file), join(scratch, file));
cpSync(notebooks, join(scratch, 'files'), { recursive: true });
rmSync(output, { recursive: true, force: true });
run(venvBin('jupyter'), ['lite', 'build', '--lite-dir', scratch, '--output-dir', output], { cwd: scratch });
if (!existsSync(join(output, 'extensions', 'jupyterlab-coroutine-cells', 'package.json'))) {
  console.error('[coroutine-cells] the course JupyterLite site does not contain jupyterlab-coroutine-cells.');
  process.exit(1);
}
