/** Opens JupyterLab on examples/ with the project's Python environment (after scripts/setup.mjs). */
import { join } from 'node:path';
import { ROOT, run, step, venvBin } from './lib.mjs';

step('opening JupyterLab on examples/ (Ctrl+C to stop)');
run(venvBin('jupyter'), ['lab', `--notebook-dir=${join(ROOT, 'examples')}`, ...process.argv.slice(2)]);
