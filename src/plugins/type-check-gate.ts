/**
 * The type check before a coroutine cell runs (`typeCheck` = off | warn | error: the cell's
 * first-line directive, else the setting of schema/language-features.json). The executor asks
 * `checkBeforeRun`; the language features plugin installs the check with `setRunGate`, so the
 * executor depends on nothing heavy and runs cells unchecked when the plugin is absent.
 */
import type { INotebookCellExecutor } from '@jupyterlab/notebook';
import type { NbOutput } from '../protocol';

/** What the check says: outputs to show first, and whether the cell may run. */
export interface GateResult {
  outputs: NbOutput[];
  run: boolean;
}

/** A check before a coroutine cell runs. */
export type RunGate = (options: INotebookCellExecutor.IRunCellOptions, source: string) => Promise<GateResult>;

const PASS: GateResult = Object.freeze({ outputs: [], run: true }) as GateResult;
let gate: RunGate | null = null;

/** Installs (or with null removes) the check. */
export function setRunGate(check: RunGate | null): void {
  gate = check;
}

/** Runs the installed check; a failing check lets the cell run (it is an aid, not a guard). */
export async function checkBeforeRun(
  options: INotebookCellExecutor.IRunCellOptions,
  source: string
): Promise<GateResult> {
  if (!gate) return PASS;
  try {
    return await gate(options, source);
  } catch (error) {
    console.warn('coroutine-cells: the type check before running failed; the cell runs unchecked', error);
    return PASS;
  }
}
