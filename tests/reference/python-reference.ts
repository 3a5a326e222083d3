/** Runs Python reference scenarios in one CPython process on the virtual-clock loop. */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** What one scenario printed (trace lines) and how its main ended. */
export interface ScenarioOutcome {
  lines: string[];
  /** "Type: message" when main raised, else null. */
  error: string | null;
}

/** Runs every named scenario (`scenarios/NAME.py`) in one `python3` process. */
export function runPythonScenarios(names: string[]): Record<string, ScenarioOutcome> {
  const out = execFileSync('python3', [join(here, 'python', 'runner.py'), ...names], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONHASHSEED: '0' }
  });
  return JSON.parse(out) as Record<string, ScenarioOutcome>;
}
