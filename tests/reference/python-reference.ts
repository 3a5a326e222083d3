/** Runs Python reference scenarios in one CPython process per version on the virtual-clock loop. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PythonVersion } from '../../src/scheduler/python-version';

const here = dirname(fileURLToPath(import.meta.url));

/** What one scenario printed (trace lines) and how its main ended. */
export interface ScenarioOutcome {
  lines: string[];
  /** "Type: message" when main raised, else null. */
  error: string | null;
}

/** The interpreter's "3.12" (major.minor), or null when it cannot be run. */
function versionOf(executable: string): string | null {
  try {
    const out = execFileSync(executable, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 20_000
    });
    return out.trim();
  } catch {
    return null;
  }
}

/** Where a CPython of `version` may be, most explicit first. */
function candidates(version: PythonVersion): string[] {
  const list: string[] = [];
  const override = process.env[`COROUTINE_CELLS_PYTHON_${version.replace('.', '_')}`];
  if (override) list.push(override);
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir) list.push(join(dir, `python${version}`));
  }
  const pyenvRoot = process.env.PYENV_ROOT ?? join(homedir(), '.pyenv');
  const versions = join(pyenvRoot, 'versions');
  if (existsSync(versions)) {
    // Newest patch release first: 3.12.10 before 3.12.9.
    const dirs = readdirSync(versions)
      .filter(d => d === version || d.startsWith(`${version}.`))
      .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    for (const d of dirs) list.push(join(versions, d, 'bin', 'python'), join(versions, d, 'bin', `python${version}`));
  }
  if (version === '3.11') list.push('python3');
  return list;
}

const found = new Map<PythonVersion, string | null>();

/** The path of a CPython `version` interpreter, or null (each candidate is asked for its version). */
export function findPython(version: PythonVersion): string | null {
  if (!found.has(version)) {
    const hit = candidates(version).find(c => (c.includes('/') ? existsSync(c) : true) && versionOf(c) === version);
    found.set(version, hit ?? null);
  }
  return found.get(version) ?? null;
}

/** findPython, or an error that names the missing interpreter and how to provide it. */
export function requirePython(version: PythonVersion): string {
  const python = findPython(version);
  if (python === null) {
    throw new Error(
      `CPython ${version} was not found: the reference suite runs every scenario against CPython 3.11, 3.12 and 3.13. ` +
        `Install it (e.g. \`pyenv install ${version}\`), put python${version} on PATH, or set ` +
        `COROUTINE_CELLS_PYTHON_${version.replace('.', '_')} to its path.`
    );
  }
  return python;
}

/** Runs every named scenario (`scenarios/NAME.py`) in one process of CPython `version`. */
export function runPythonScenarios(names: string[], version: PythonVersion = '3.11'): Record<string, ScenarioOutcome> {
  if (names.length === 0) return {};
  const out = execFileSync(requirePython(version), [join(here, 'python', 'runner.py'), ...names], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONHASHSEED: '0' },
    maxBuffer: 64 * 1024 * 1024
  });
  return JSON.parse(out) as Record<string, ScenarioOutcome>;
}
