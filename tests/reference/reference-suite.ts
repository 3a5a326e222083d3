/** Declares one vitest case per scenario pair and Python version: CPython's trace lines must equal ours exactly. */
import { beforeAll, describe, expect, it } from 'vitest';
import { PYTHON_VERSIONS, type PythonVersion } from '../../src/scheduler/python-version';
import { runPythonScenarios, type ScenarioOutcome } from './python-reference';
import { runTsScenario, type TsOutcome } from './run-ts-scenario';

/**
 * A scenario where the project deliberately differs from CPython (see the top of the semantics
 * reference): the test checks CPython's behaviour AND the project's documented one.
 */
export interface DeliberateDifference {
  name: string;
  /** Which documented project decision this is. */
  because: string;
  /** What CPython prints (asserted, so the difference stays real). */
  cpython: string[];
  /** What the project's scheduler must print instead. */
  ours: string[];
  /** Further checks of the project's documented behaviour (e.g. its end-of-run warnings). */
  checkOurs?: (outcome: TsOutcome) => void;
}

/**
 * A scenario whose main does not finish: both sides must print the same lines and then end with
 * an error of the given type (e.g. a deadlock, which both virtual clocks detect).
 */
export interface EndsWithError {
  name: string;
  /** The error type both sides end with. */
  errorType: string;
  /** Further checks of our error message. */
  checkOurs?: (outcome: TsOutcome) => void;
}

/** Same lines as CPython, plus checks of something only the project reports (e.g. its warnings). */
export interface SameWithChecks {
  name: string;
  checkOurs: (outcome: TsOutcome) => void;
}

/** Options every scenario kind may add. */
interface ScenarioCommon {
  /** The versions the scenario applies to (default: all); e.g. a 3.13 feature only under 3.13. */
  versions?: PythonVersion[];
}

type Scenario = string | ((SameWithChecks | DeliberateDifference | EndsWithError | { name: string }) & ScenarioCommon);

/** The versions a scenario runs under. */
function versionsOf(scenario: Scenario): PythonVersion[] {
  return typeof scenario === 'string' || scenario.versions === undefined ? [...PYTHON_VERSIONS] : scenario.versions;
}

/**
 * Defines the tests of one file, once per Python version (3.11, 3.12, 3.13): each version's
 * scenarios run in one process of that CPython in `beforeAll`, and our side runs with the same
 * `python` option. A missing interpreter fails the version's tests with a message naming it.
 */
export function defineReferenceSuite(scenarios: Scenario[]): void {
  for (const version of PYTHON_VERSIONS) {
    const mine = scenarios.filter(s => versionsOf(s).includes(version));
    if (mine.length === 0) continue;
    describe(`Python ${version}`, () => defineVersionSuite(mine, version));
  }
}

function defineVersionSuite(scenarios: Scenario[], version: PythonVersion): void {
  const names = scenarios.map(s => (typeof s === 'string' ? s : s.name));
  let python: Record<string, ScenarioOutcome> = {};
  let missing: Error | null = null;
  beforeAll(() => {
    try {
      python = runPythonScenarios(names, version);
    } catch (error) {
      missing = error as Error;
    }
  }, 120_000);
  const cpython = (name: string): ScenarioOutcome => {
    if (missing !== null) throw missing;
    return python[name];
  };
  const ts = (name: string) => runTsScenario(name, version);
  for (const scenario of scenarios) {
    if (typeof scenario === 'string' || (!('because' in scenario) && !('errorType' in scenario))) {
      const name = typeof scenario === 'string' ? scenario : scenario.name;
      it(`${name} prints what CPython ${version} prints`, async () => {
        const py = cpython(name);
        expect(py.error, 'the Python scenario itself must not fail').toBeNull();
        expect(py.lines.length, 'the Python scenario must print something').toBeGreaterThan(0);
        const ours = await ts(name);
        expect(ours.lines).toEqual(py.lines);
        expect(ours.error ?? null).toBeNull();
        if (typeof scenario !== 'string' && 'checkOurs' in scenario) scenario.checkOurs(ours);
      });
    } else if ('errorType' in scenario) {
      it(`${scenario.name} prints what CPython ${version} prints, then both end with ${scenario.errorType}`, async () => {
        const py = cpython(scenario.name);
        expect(py.error ?? '').toMatch(new RegExp(`^${scenario.errorType}: `));
        expect(py.lines.length).toBeGreaterThan(0);
        const ours = await ts(scenario.name);
        expect(ours.lines).toEqual(py.lines);
        expect(String(ours.error ?? '')).toMatch(new RegExp(`^${scenario.errorType}: `));
        scenario.checkOurs?.(ours);
      });
    } else {
      it(`${scenario.name} differs on purpose from CPython ${version} (${scenario.because})`, async () => {
        const py = cpython(scenario.name);
        expect(py.error).toBeNull();
        expect(py.lines).toEqual(scenario.cpython);
        const ours = await ts(scenario.name);
        expect(ours.lines).toEqual(scenario.ours);
        expect(ours.error ?? null).toBeNull();
        scenario.checkOurs?.(ours);
      });
    }
  }
}
