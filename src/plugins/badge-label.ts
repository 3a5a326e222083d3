/**
 * The text of the badge on a coroutine cell: "TS coroutine · virtual", with the clock the cell will
 * run on (its first-line directive, else its metadata, else the Settings default), and a tooltip
 * listing anything in the cell's options that is malformed. Pure, so it is unit-tested in Node.
 */
import { DEFAULT_CELL_OPTIONS, type ClockMode } from '../protocol';
import { parseCellDirectives } from '../runtime/cell-directives';
import { noTranslation, readCellMarker, type Translate } from './coroutine-metadata';

/** What the badge shows. */
export interface BadgeLabel {
  /** The visible text, e.g. "TS coroutine · virtual". */
  text: string;
  /** The clock shown in the text. */
  clock: ClockMode;
  /** The tooltip: what the badge means, then one line per problem. */
  title: string;
  /** True when the metadata or the directive has problems (the badge is drawn as a warning). */
  warning: boolean;
}

/** Computes the badge of a coroutine cell from its source, its metadata value and the default clock. */
export function badgeLabel(source: string, metadata: unknown, defaultClock: ClockMode, trans: Translate = noTranslation): BadgeLabel {
  const marker = readCellMarker(metadata, trans);
  const problems = [...marker.problems];
  let clock: ClockMode = marker.clock ?? defaultClock;
  // Only the first line can hold a directive, so this stays cheap on every keystroke.
  const firstLine = source.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const directive = parseCellDirectives(firstLine, { ...DEFAULT_CELL_OPTIONS, clock });
  if (directive.ok) {
    clock = directive.options.clock;
  } else {
    problems.push(...directive.errors.map(error => trans('First-line directive: %1', error.message)));
  }
  const clockName = clock === 'real' ? trans('real clock') : trans('virtual clock');
  const lines = [trans('TypeScript coroutine cell: runs on the coroutine scheduler with the %1.', clockName), ...problems];
  return {
    text: trans('TS coroutine · %1', clock === 'real' ? trans('real') : trans('virtual')),
    clock,
    title: lines.join('\n'),
    warning: problems.length > 0
  };
}
