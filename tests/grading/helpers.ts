/** Runs a source as a real cell and wraps its run in RunExpectations that record passed checks. */
import { AssertionError, makeRunRecord, RunExpectations } from '../../src/grading';
import { runSource } from '../runtime/run-source';

export { AssertionError };

/** The expectations of one real run of `source`, and the lines of the checks that passed. */
export async function expectRunOf(source: string): Promise<{ check: RunExpectations; passed: string[] }> {
  const result = await runSource(source, { chart: { enabled: false } });
  const passed: string[] = [];
  const record = makeRunRecord('cell[1]', result.status, result.trace, result.outputs);
  return { check: new RunExpectations(record, line => passed.push(line)), passed };
}
