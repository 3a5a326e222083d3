/**
 * The npm package is publishable: `npm pack` gives a tarball whose `coroutine-cells` bin runs
 * the prebuilt CLI (lib/cli-bundle) once a project has installed the tarball (`npm install
 * <tarball> --omit=dev`): no esbuild, no src/, only the runtime dependencies. It runs the seed
 * and executes a lesson with chart PNGs.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

function runAsync(
  command: string,
  args: string[],
  cwd: string,
  timeout = 600_000
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise(done => {
    const child = spawn(command, args, { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('close', status => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}

it('npm pack gives a package whose coroutine-cells bin works with only its runtime dependencies', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'coroutine-cells-npm-'));
  const pack = await runAsync('npm', ['pack', ROOT, '--json', '--pack-destination', dir], dir);
  expect(pack.status, pack.stderr).toBe(0);
  const files: string[] = JSON.parse(pack.stdout)[0].files.map((f: { path: string }) => f.path);
  expect(files).toEqual(
    expect.arrayContaining([
      'bin/coroutine-cells.mjs',
      'lib/cli-bundle/main.cjs',
      'lib/cli-bundle/runner-worker.cjs',
      'package.json'
    ])
  );
  expect(files.filter(f => /^(src|tests|ui-tests|scripts|examples|jupyterlab_coroutine_cells)\//.test(f))).toEqual([]);

  // Installed as a user's project installs it: a dependency's devDependencies are never resolved.
  const tarball = readdirSync(dir).find(name => name.endsWith('.tgz')) as string;
  const project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-course', private: true }));
  const install = await runAsync(
    'npm',
    ['install', join(dir, tarball), '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
    project
  );
  expect(install.status, install.stderr).toBe(0);
  expect(readdirSync(join(project, 'node_modules'))).not.toContain('esbuild');
  const pkg = join(project, 'node_modules', 'jupyterlab-coroutine-cells');

  const seed = await runAsync(
    process.execPath,
    [join(pkg, 'bin', 'coroutine-cells.mjs'), 'run', join(ROOT, 'tests', 'fixtures', 'seed-example.ts')],
    dir
  );
  expect(seed.stderr).toBe('');
  expect(seed.stdout).toBe(readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-example.out'), 'utf8'));

  copyFileSync(join(ROOT, 'examples', '03-gather.ipynb'), join(dir, 'lesson.ipynb'));
  const execute = await runAsync(
    process.execPath,
    [join(pkg, 'bin', 'coroutine-cells.mjs'), 'execute', 'lesson.ipynb', '-o', 'out.ipynb'],
    dir
  );
  expect(execute.status, execute.stderr).toBe(0);
  const notebook = JSON.parse(readFileSync(join(dir, 'out.ipynb'), 'utf8'));
  const pngs = notebook.cells.flatMap((cell: any) => cell.outputs ?? []).filter((o: any) => o.data?.['image/png']);
  expect(pngs.length).toBeGreaterThan(0);
}, 900_000);
