/**
 * Where cell code is, as the runtime knows it (the scheduler knows no cells): the await a
 * coroutine is suspended at, the line running now, the line an error was raised at. The trace
 * records these points so the chart can point at the code; the await graph prints them.
 */
import type { Coroutine } from './coroutine';

/** A line of a cell: its label ("In[3]") and 1-based line number. */
export interface CodePoint {
  cell: string;
  line: number;
}

/** A point with the text of that line, for printed graphs: location "In[3], line 4". */
export interface CodeLocation extends CodePoint {
  location: string;
  code: string;
}

/** What the runtime installs. */
export interface CoroutineLocator {
  /** The await a suspended coroutine waits at, if it is cell code. */
  suspended(coro: Coroutine<unknown>): CodeLocation | null;
  /** The cell line running now (reads the JavaScript stack: not for every event). */
  running(): CodeLocation | null;
  /** The cell line an exception was raised at. */
  raisedAt(error: unknown): CodePoint | null;
}

/** The installed locator (null: no cell code, e.g. the scheduler's own tests and benchmarks). */
export let codeLocator: CoroutineLocator | null = null;

/** Installs the runtime's locator; returns the previous one. */
export function setCoroutineLocator(next: CoroutineLocator | null): CoroutineLocator | null {
  const previous = codeLocator;
  codeLocator = next;
  return previous;
}

/** The innermost cell line of a coroutine stack (`top` and its callers), or null. */
export function locateStack(top: Coroutine<unknown> | null): CodeLocation | null {
  const locator = codeLocator;
  if (locator === null) return null;
  for (let c = top, n = 0; c !== null && n < 1000; c = c.caller, n++) {
    const where = locator.suspended(c);
    if (where !== null) return where;
  }
  return null;
}
