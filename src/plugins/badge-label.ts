/**
 * The text of the badge on a coroutine cell: "TS coroutine · virtual", with the clock the cell will
 * run on (its first-line directive, else its metadata, else the Settings default), " · Python 3.13"
 * when the cell follows another asyncio version than 3.11 (directive, notebook, Settings), and a tooltip
 * listing anything in the cell's options that is malformed. Pure, so it is unit-tested in Node.
 */
import { DEFAULT_CELL_OPTIONS, type ClockMode } from '../runtime/protocol';
import { parseCellDirectives } from '../runtime/cell-directives';
import { DEFAULT_PYTHON_VERSION, type PythonVersion } from '../scheduler/python-version';
import { noTranslation, readCellMarker, type Translate } from './coroutine-metadata';

/** What the badge shows. */
export interface BadgeLabel {
  /** The visible text, e.g. "TS coroutine · virtual". */
  text: string;
  /** The clock shown in the text. */
  clock: ClockMode;
  /** The asyncio version the cell follows (shown in the text when it is not 3.11). */
  python: PythonVersion;
  /** The tooltip: what the badge means, then one line per problem. */
  title: string;
  /** True when the metadata or the directive has problems (the badge is drawn as a warning). */
  warning: boolean;
}

/** Computes the badge of a coroutine cell from its source, its metadata value and the default clock. */
export function badgeLabel(
  source: string,
  metadata: unknown,
  defaultClock: ClockMode,
  trans: Translate = noTranslation,
  defaultPython: PythonVersion = DEFAULT_PYTHON_VERSION
): BadgeLabel {
  const marker = readCellMarker(metadata, trans);
  const problems = [...marker.problems];
  let clock: ClockMode = marker.clock ?? defaultClock;
  // Only the first line can hold a directive, so this stays cheap on every keystroke.
  const firstLine = source.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  let python = defaultPython;
  const directive = parseCellDirectives(firstLine, { ...DEFAULT_CELL_OPTIONS, clock, python });
  if (directive.ok) {
    clock = directive.options.clock;
    python = directive.options.python;
  } else {
    problems.push(...directive.errors.map(error => trans('First-line directive: %1', error.message)));
  }
  const clockName = clock === 'real' ? trans('real clock') : trans('virtual clock');
  const lines = [
    trans('TypeScript coroutine cell: runs on the coroutine scheduler with the %1.', clockName),
    trans('asyncio rules of Python %1.', python),
    ...problems
  ];
  const text = trans('TS coroutine · %1', clock === 'real' ? trans('real') : trans('virtual'));
  return {
    // The version is shown when it is not the default 3.11, so a 3.12/3.13 cell stands out.
    text: python === DEFAULT_PYTHON_VERSION ? text : `${text} · ${trans('Python %1', python)}`,
    clock,
    python,
    title: lines.join('\n'),
    warning: problems.length > 0
  };
}
