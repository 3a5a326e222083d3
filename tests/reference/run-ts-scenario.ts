/** Runs one TypeScript scenario (`scenarios/NAME.ts` after `scenarios/prelude.ts`) as a cell. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInInterimHarness } from './interim-harness';

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
  /** The end-of-run reports (never-awaited, never-retrieved, leftover tasks). */
  warnings: string[];
  error: unknown;
}

/** Runs the scenario and returns its stdout lines. */
export async function runTsScenario(name: string): Promise<TsOutcome> {
  const { stdout, stderr, warnings, error } = await runInInterimHarness(scenarioSource(name));
  const lines = stdout.split('\n').filter((l) => l !== '');
  return { lines, stdout, stderr, warnings, error };
}
