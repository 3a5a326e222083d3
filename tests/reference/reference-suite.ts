/** Declares one vitest case per scenario pair: CPython's trace lines must equal ours exactly. */
import { beforeAll, expect, it } from 'vitest';
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

type Scenario = string | SameWithChecks | DeliberateDifference | EndsWithError;

/** Defines the tests of one file; all Python scenarios run in one process in `beforeAll`. */
export function defineReferenceSuite(scenarios: Scenario[]): void {
  const names = scenarios.map((s) => (typeof s === 'string' ? s : s.name));
  let python: Record<string, ScenarioOutcome> = {};
  beforeAll(() => {
    python = runPythonScenarios(names);
  }, 60_000);
  for (const scenario of scenarios) {
    if (typeof scenario === 'string' || (!('because' in scenario) && !('errorType' in scenario))) {
      const name = typeof scenario === 'string' ? scenario : scenario.name;
      it(`${name} prints what CPython 3.11 prints`, async () => {
        const py = python[name];
        expect(py.error, 'the Python scenario itself must not fail').toBeNull();
        expect(py.lines.length, 'the Python scenario must print something').toBeGreaterThan(0);
        const ours = await runTsScenario(name);
        expect(ours.lines).toEqual(py.lines);
        expect(ours.error ?? null).toBeNull();
        if (typeof scenario !== 'string') scenario.checkOurs(ours);
      });
    } else if ('errorType' in scenario) {
      it(`${scenario.name} prints what CPython 3.11 prints, then both end with ${scenario.errorType}`, async () => {
        const py = python[scenario.name];
        expect(py.error ?? '').toMatch(new RegExp(`^${scenario.errorType}: `));
        expect(py.lines.length).toBeGreaterThan(0);
        const ours = await runTsScenario(scenario.name);
        expect(ours.lines).toEqual(py.lines);
        expect(String(ours.error ?? '')).toMatch(new RegExp(`^${scenario.errorType}: `));
        scenario.checkOurs?.(ours);
      });
    } else {
      it(`${scenario.name} differs on purpose (${scenario.because})`, async () => {
        const py = python[scenario.name];
        expect(py.error).toBeNull();
        expect(py.lines).toEqual(scenario.cpython);
        const ours = await runTsScenario(scenario.name);
        expect(ours.lines).toEqual(scenario.ours);
        expect(ours.error ?? null).toBeNull();
        scenario.checkOurs?.(ours);
      });
    }
  }
}
