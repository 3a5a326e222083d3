/** Opens JupyterLab on examples/ with the project's Python environment (after scripts/setup.mjs). */
import { join } from 'node:path';
import { ROOT, run, step, venvBin } from './lib.mjs';

// Jupyter refuses to run as root unless told; containers and CI machines often are root.
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--allow-root'] : [];
step('opening JupyterLab on examples/ (Ctrl+C to stop)');
run(venvBin('jupyter'), ['lab', `--notebook-dir=${join(ROOT, 'examples')}`, ...asRoot, ...process.argv.slice(2)]);
