/**
 * Which CPython release's asyncio a run reproduces. 3.11 is the baseline; 3.12 and 3.13 change a
 * handful of rules (docs/python-versions.md lists them with the CPython source of each). The loop
 * keeps the minor number, so a version check is one integer comparison and 3.11 runs pay nothing.
 * No imports: the JupyterLab plugins use it too.
 */

/** The asyncio semantics a run follows. */
export type PythonVersion = '3.11' | '3.12' | '3.13';

/** Every version the scheduler reproduces, oldest first. */
export const PYTHON_VERSIONS: readonly PythonVersion[] = ['3.11', '3.12', '3.13'];

/** The version a run follows when nothing says otherwise. */
export const DEFAULT_PYTHON_VERSION: PythonVersion = '3.11';

/** True for '3.11', '3.12' and '3.13'. */
export function isPythonVersion(value: unknown): value is PythonVersion {
  return value === '3.11' || value === '3.12' || value === '3.13';
}

/** The minor number of a version ('3.12' gives 12). */
export function pythonMinor(version: PythonVersion): number {
  return Number(version.slice(2));
}

/** Throws a TypeError naming `caller` unless `value` is a supported version. */
export function checkPythonVersion(caller: string, value: unknown): PythonVersion {
  if (!isPythonVersion(value)) {
    throw new TypeError(
      `${caller}: python must be one of ${PYTHON_VERSIONS.join(', ')}, got ${JSON.stringify(value) ?? String(value)}`
    );
  }
  return value;
}
