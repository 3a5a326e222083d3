/**
 * pyproject.toml builds a prebuilt-extension wheel: the labextension (with the worker asset and
 * the settings schemas) and install.json land in share/jupyter/labextensions, so `pip install`
 * of the wheel is all a JupyterLab user needs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

it('pip wheel . gives a wheel with the prebuilt labextension, its worker, schemas and install.json', () => {
  const python = join(ROOT, '.venv', 'bin', 'python');
  expect(existsSync(python), 'run `npm test` first: it sets up .venv and builds').toBe(true);
  const out = mkdtempSync(join(tmpdir(), 'coroutine-cells-wheel-'));
  const build = spawnSync(python, ['-m', 'pip', 'wheel', ROOT, '--no-deps', '--no-build-isolation', '-q', '-w', out], { encoding: 'utf8', timeout: 300_000 });
  expect(build.status, build.stderr).toBe(0);
  const wheel = readdirSync(out).find(name => name.endsWith('.whl'));
  expect(wheel).toMatch(/^jupyterlab_coroutine_cells-0\.1\.0-py3-none-any\.whl$/);
  const listing = spawnSync(python, ['-m', 'zipfile', '-l', join(out, wheel as string)], { encoding: 'utf8' }).stdout;
  const prefix = 'jupyterlab_coroutine_cells-0.1.0.data/data/share/jupyter/labextensions/jupyterlab-coroutine-cells/';
  for (const expected of ['package.json', 'install.json', 'schemas/jupyterlab-coroutine-cells/executor.json']) {
    expect(listing).toContain(prefix + expected);
  }
  expect(listing).toMatch(new RegExp(`${prefix.replace(/\./g, '\\.')}static/remoteEntry\\.[0-9a-f]+\\.js`));
  expect(listing).toMatch(/static\/coroutine-worker\.[0-9a-f]+\.js/);
});
