/**
 * pyproject.toml builds a prebuilt-extension wheel: the labextension (with the worker asset and
 * the settings schemas) and install.json land in share/jupyter/labextensions, the kernelspec of
 * the Jupyter kernel `coroutine-cells` in share/jupyter/kernels, and the package carries the
 * bundled Node runtime (kernel host, kernel worker, CLI). Installed into a fresh venv, the wheel
 * alone gives the kernel and the console script `jupyter-coroutine-cells`, and both run the seed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const python = join(ROOT, '.venv', 'bin', 'python');
const out = mkdtempSync(join(tmpdir(), 'coroutine-cells-wheel-'));
const SEED = join(ROOT, 'tests', 'fixtures', 'seed-example.ts');
const SEED_OUTPUT = readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-example.out'), 'utf8');
let wheel = '';

/** Runs a command without blocking the test worker (a long spawnSync starves vitest's RPC). */
function runAsync(
  command: string,
  args: string[],
  options: { timeout: number; cwd?: string }
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise(done => {
    const child = spawn(command, args, { cwd: options.cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout);
    child.on('close', status => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}
let listing: string[] = [];

describe('the wheel', () => {
  beforeAll(async () => {
    expect(existsSync(python), 'run `npm test` first: it sets up .venv and builds').toBe(true);
    const build = await runAsync(
      python,
      ['-m', 'pip', 'wheel', ROOT, '--no-deps', '--no-build-isolation', '-q', '-w', out],
      { timeout: 300_000 }
    );
    expect(build.status, build.stderr).toBe(0);
    wheel = readdirSync(out).find(name => name.endsWith('.whl')) ?? '';
    const names = spawnSync(
      python,
      ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', join(out, wheel)],
      { encoding: 'utf8' }
    );
    listing = names.stdout.trim().split('\n');
  }, 320_000);

  it('holds the prebuilt labextension once, with its worker, schemas and install.json', () => {
    expect(wheel).toMatch(/^jupyterlab_coroutine_cells-0\.1\.0-py3-none-any\.whl$/);
    const prefix = 'jupyterlab_coroutine_cells-0.1.0.data/data/share/jupyter/labextensions/jupyterlab-coroutine-cells/';
    for (const expected of ['package.json', 'install.json', 'schemas/jupyterlab-coroutine-cells/executor.json']) {
      expect(listing).toContain(prefix + expected);
    }
    expect(
      listing.some(name =>
        new RegExp(`^${prefix.replace(/\./g, '\\.')}static/remoteEntry\\.[0-9a-f]+\\.js$`).test(name)
      )
    ).toBe(true);
    expect(listing.filter(name => /static\/coroutine-worker\.[0-9a-f]+\.js$/.test(name))).toHaveLength(1);
    expect(listing.filter(name => name.startsWith('jupyterlab_coroutine_cells/labextension/'))).toEqual([]);
  });

  it('holds the kernelspec, the bundled runtime, the console script and the papermill entry points, and nothing stray', () => {
    expect(listing).toContain(
      'jupyterlab_coroutine_cells-0.1.0.data/data/share/jupyter/kernels/coroutine-cells/kernel.json'
    );
    for (const file of [
      'kernel-host.cjs',
      'kernel-worker.cjs',
      'cli.cjs',
      'resvg.wasm',
      'api-docs.json',
      'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'
    ]) {
      expect(listing).toContain(`jupyterlab_coroutine_cells/runtime/${file}`);
    }
    const entryPoints = spawnSync(
      python,
      [
        '-c',
        'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("jupyterlab_coroutine_cells-0.1.0.dist-info/entry_points.txt").decode())',
        join(out, wheel)
      ],
      { encoding: 'utf8' }
    ).stdout;
    expect(entryPoints).toContain('jupyter-coroutine-cells = jupyterlab_coroutine_cells.cli:main');
    expect(entryPoints).toContain(
      'coroutine-cells = jupyterlab_coroutine_cells.papermill_support:CoroutineCellsEngine'
    );
    const stray = listing.filter(
      name =>
        !name.startsWith('jupyterlab_coroutine_cells-0.1.0.d') &&
        !/^jupyterlab_coroutine_cells\/(__init__|_version|cli|node_runtime|notebook_cells|papermill_support|preprocessor)\.py$/.test(
          name
        ) &&
        !/^jupyterlab_coroutine_cells\/kernel\/\w+\.py$/.test(name) &&
        !name.startsWith('jupyterlab_coroutine_cells/runtime/')
    );
    expect(stray).toEqual([]);
    expect(listing.filter(name => name.includes('__pycache__') || name.endsWith('.map'))).toEqual([]);
  });

  it('installed into a fresh venv, gives the kernelspec and the console script, and both run the seed', async () => {
    const venv = join(out, 'venv');
    expect(spawnSync(python, ['-m', 'venv', venv], { encoding: 'utf8' }).status).toBe(0);
    const bin = (name: string) => join(venv, 'bin', name);
    const install = await runAsync(
      bin('python'),
      ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', join(out, wheel), 'jupyter_client'],
      { timeout: 600_000 }
    );
    expect(install.status, install.stderr).toBe(0);
    const kernels = spawnSync(bin('python'), ['-m', 'jupyter_client.kernelspecapp', 'list'], { encoding: 'utf8' });
    expect(kernels.stdout).toMatch(
      new RegExp(`coroutine-cells\\s+${join(venv, 'share', 'jupyter', 'kernels', 'coroutine-cells')}`)
    );
    const cli = await runAsync(bin('jupyter-coroutine-cells'), ['run', SEED], { timeout: 120_000 });
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toBe(SEED_OUTPUT);
    const script = `
import sys
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name="coroutine-cells", startup_timeout=120)
try:
    reply = kc.execute_interactive(open(sys.argv[1]).read(), timeout=120, output_hook=lambda m: m["msg_type"] == "stream" and sys.stdout.write(m["content"]["text"]))
    assert reply["content"]["status"] == "ok", reply["content"]
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
`;
    const kernel = await runAsync(bin('python'), ['-c', script, SEED], { timeout: 300_000, cwd: out });
    expect(kernel.status, kernel.stderr).toBe(0);
    expect(kernel.stdout).toBe(SEED_OUTPUT);
  }, 900_000);
});
