/** Runs one TypeScript scenario (`scenarios/NAME.ts` after `scenarios/prelude.ts`) as a cell. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSource } from '../runtime/run-source';
import type { PythonVersion } from '../../src/scheduler/python-version';

const here = dirname(fileURLToPath(import.meta.url));
const prelude = readFileSync(join(here, 'scenarios', 'prelude.ts'), 'utf8');

/** The cell source of a scenario: the prelude, then the scenario. */
export function scenarioSource(name: string): string {
  return prelude + '\n' + readFileSync(join(here, 'scenarios', name + '.ts'), 'utf8');
}

/** What the TypeScript side printed, split into lines, and whether it failed. */
export interface TsOutcome {
  lines: string[];
  stdout: string;
  stderr: string;
  /** stderr's lines: the end-of-run reports (never-awaited, never-retrieved, leftover tasks). */
  warnings: string[];
  /** The cell's error output ("Name: value"), or null when the cell ended ok. */
  error: string | null;
}

/** Runs the scenario through the runtime's `runSource` (compiler + scheduler, virtual clock, asyncio `python`). */
export async function runTsScenario(name: string, python: PythonVersion = '3.11'): Promise<TsOutcome> {
  const result = await runSource(scenarioSource(name), { clock: 'virtual', python, chart: { enabled: false } });
  const split = (text: string) => text.split('\n').filter(l => l !== '');
  const errorOutput = result.outputs.find(o => o.output_type === 'error');
  const error =
    result.status === 'ok'
      ? null
      : errorOutput && errorOutput.output_type === 'error'
        ? `${errorOutput.ename}: ${errorOutput.evalue}`
        : result.status;
  return {
    lines: split(result.stdout),
    stdout: result.stdout,
    stderr: result.stderr,
    warnings: split(result.stderr),
    error
  };
}
