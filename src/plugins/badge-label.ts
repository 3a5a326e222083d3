/**
 * The text of the badge on a coroutine cell: "TS coroutine · virtual", with the clock the cell will
 * run on, resolved exactly as the runtime resolves it (resolveCellOptions: Settings default <
 * notebook metadata < cell metadata < first-line directive), and a tooltip listing anything in the
 * options that is invalid (the cell will not run) or ignored. Pure, so it is unit-tested in Node.
 */
import { DEFAULT_CELL_OPTIONS, type ClockMode } from '../protocol';
import { resolveCellOptions } from '../runtime/cell-options';
import { noTranslation, type Translate } from './coroutine-metadata';

/** What the badge shows. */
export interface BadgeLabel {
  /** The visible text, e.g. "TS coroutine · virtual". */
  text: string;
  /** The clock shown in the text (the default clock when the options are invalid). */
  clock: ClockMode;
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
  notebookMetadata?: unknown
): BadgeLabel {
  // Only the first line can hold a directive, so this stays cheap on every keystroke.
  const firstLine = source.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const defaults = { ...DEFAULT_CELL_OPTIONS, clock: defaultClock };
  const resolved = resolveCellOptions(defaults, { notebook: notebookMetadata, cell: metadata }, firstLine);
  const problems = resolved.warnings.map(warning => trans('Ignored: %1', warning));
  let clock = defaultClock;
  if (resolved.ok) {
    clock = resolved.options.clock;
  } else {
    problems.unshift(
      trans('This cell will not run until its options are fixed:'),
      ...resolved.metadataErrors,
      ...resolved.directiveErrors.map(error => trans('First-line directive: %1', error))
    );
  }
  const clockName = clock === 'real' ? trans('real clock') : trans('virtual clock');
  const lines = [trans('TypeScript coroutine cell: runs on the coroutine scheduler with the %1.', clockName), ...problems];
  return {
    text: resolved.ok ? trans('TS coroutine · %1', clock === 'real' ? trans('real') : trans('virtual')) : trans('TS coroutine · invalid options'),
    clock,
    title: lines.join('\n'),
    warning: problems.length > 0,
    invalid: !resolved.ok
  };
}
