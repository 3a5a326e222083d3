/**
 * The text of the badge on a coroutine cell: "TS coroutine · virtual", with the clock the cell will
 * run on, resolved exactly as the runtime resolves it (resolveCellOptions: Settings default <
 * notebook metadata < cell metadata < first-line directive), and a tooltip listing anything in the
 * options that is invalid (the cell will not run) or ignored, plus " · Python 3.13" when the cell
 * follows another asyncio version than 3.11. Pure, so it is unit-tested in Node.
 */
import { DEFAULT_CELL_OPTIONS, type ClockMode } from '../protocol';
import { resolveCellOptions } from '../runtime/cell-options';
import { DEFAULT_PYTHON_VERSION, type PythonVersion } from '../scheduler/python-version';
import { noTranslation, type Translate } from './coroutine-metadata';

/** What the badge shows. */
export interface BadgeLabel {
  /** The visible text, e.g. "TS coroutine · virtual". */
  text: string;
  /** The clock shown in the text (the default clock when the options are invalid). */
  clock: ClockMode;
  /** The asyncio version the cell follows (shown in the text when it is not 3.11). */
  python: PythonVersion;
  /** The tooltip: what the badge means, then one line per problem. */
  title: string;
  /** True when the metadata or the directive has problems (the badge is drawn as a warning). */
  warning: boolean;
  /** True when the options are invalid: running the cell gives an error and runs nothing. */
  invalid: boolean;
}

/**
 * Computes the badge of a coroutine cell from its source, its metadata value, the default clock
 * and the notebook's metadata value.
 */
export function badgeLabel(
  source: string,
  metadata: unknown,
  defaultClock: ClockMode,
  trans: Translate = noTranslation,
  notebookMetadata?: unknown,
  defaultPython: PythonVersion = DEFAULT_PYTHON_VERSION
): BadgeLabel {
  // Only the first line can hold a directive, so this stays cheap on every keystroke.
  const firstLine = source.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const defaults = { ...DEFAULT_CELL_OPTIONS, clock: defaultClock, python: defaultPython };
  const resolved = resolveCellOptions(defaults, { notebook: notebookMetadata, cell: metadata }, firstLine);
  const problems = resolved.warnings.map(warning => trans('Ignored: %1', warning));
  let clock = defaultClock;
  let python = defaultPython;
  if (resolved.ok) {
    clock = resolved.options.clock;
    python = resolved.options.python;
  } else {
    problems.unshift(
      trans('This cell will not run until its options are fixed:'),
      ...resolved.metadataErrors,
      ...resolved.directiveErrors.map(error => trans('First-line directive: %1', error))
    );
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
    text: !resolved.ok
      ? trans('TS coroutine · invalid options')
      : python === DEFAULT_PYTHON_VERSION
        ? text
        : `${text} · ${trans('Python %1', python)}`,
    clock,
    python,
    title: lines.join('\n'),
    warning: problems.length > 0,
    invalid: !resolved.ok
  };
}
