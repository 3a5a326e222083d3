/**
 * Reads the "coroutine-cells" metadata of a cell or a notebook without trusting it: a notebook can
 * come from anywhere (a newer version of this extension, a hand edit, another tool). Nothing here
 * changes the metadata; it only says what this version understands and what it will ignore, in
 * messages a user can act on. Pure: no JupyterLab imports, so it is unit-tested in Node.
 */
import { applyMetadataOptions, OPTIONS_FORMAT_VERSION } from '../runtime/cell-options';
import { DEFAULT_CELL_OPTIONS, type CellOptions, type ClockMode } from '../protocol';

/** The metadata format this version writes and reads. A higher number comes from a newer version. */
export const METADATA_FORMAT_VERSION = OPTIONS_FORMAT_VERSION;

/** Translates a message with %1, %2... placeholders (JupyterLab's `trans.__`). */
export type Translate = (text: string, ...args: Array<string | number>) => string;

/** Substitutes %1, %2... without translating: the default when no translator is given. */
export const noTranslation: Translate = (text, ...args) =>
  text.replace(/%(\d+)/g, (match, index: string) => {
    const value = args[Number(index) - 1];
    return value === undefined ? match : String(value);
  });

/** What a cell's metadata says, as far as this version understands it. */
export interface CellMarker {
  /** The clock the cell's metadata asks for, if it names a valid one. */
  clock?: ClockMode;
  /** One message per thing that is wrong or ignored; empty when the metadata is well formed. */
  problems: string[];
  /** True when a problem is an error: the cell will not run until it is fixed. */
  invalid?: boolean;
}

/** What a notebook's metadata says. */
export interface NotebookMarker {
  /** True when new code cells become coroutine cells. */
  defaultCoroutine: boolean;
  problems: string[];
}

/** Describes a JSON value in a message: its type and a short rendering. */
export function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  const short = text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
  const type = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
  return `${type} (${short})`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one level of options with the runtime's own rules (resolveCellOptions). */
function checkOptions(
  value: unknown,
  where: 'notebook' | 'cell'
): { clock?: ClockMode; errors: string[]; warnings: string[] } {
  const options: CellOptions = { ...DEFAULT_CELL_OPTIONS, chart: { ...DEFAULT_CELL_OPTIONS.chart } };
  const errors: string[] = [];
  const warnings: string[] = [];
  const clockSet = applyMetadataOptions(options, value, where, errors, warnings);
  return { clock: clockSet ? options.clock : undefined, errors, warnings };
}

/**
 * Reads a cell's "coroutine-cells" metadata (`value` is whatever is stored there). Any value other
 * than `undefined`, `null` or `false` marks a coroutine cell (isCoroutineCell); this reports what
 * in it is invalid (the cell then fails with a CellOptionsError and runs nothing) or ignored.
 */
export function readCellMarker(value: unknown, trans: Translate = noTranslation): CellMarker {
  if (value === undefined || value === null || value === false) {
    return { problems: [] };
  }
  const { clock, errors, warnings } = checkOptions(value, 'cell');
  return { clock, problems: [...errors, ...warnings.map(w => trans('Ignored: %1', w))], invalid: errors.length > 0 };
}

/**
 * Reads a notebook's "coroutine-cells" metadata. Only `{"default": true}` makes a coroutine
 * notebook; it may also hold options for all its cells (clock, maxSteps, maxVirtualTime, chart).
 */
export function readNotebookMarker(value: unknown, trans: Translate = noTranslation): NotebookMarker {
  const problems: string[] = [];
  if (value === undefined || value === null) {
    return { defaultCoroutine: false, problems };
  }
  if (!isPlainObject(value)) {
    problems.push(
      trans(
        'The notebook\'s "coroutine-cells" metadata should be an object such as {"default": true}, got %1; new code cells stay ordinary code cells.',
        describeValue(value)
      )
    );
    return { defaultCoroutine: false, problems };
  }
  const { errors, warnings } = checkOptions(value, 'notebook');
  problems.push(...errors, ...warnings.map(w => trans('Ignored: %1', w)));
  if (value.default !== undefined && typeof value.default !== 'boolean') {
    problems.push(
      trans('Option "default" should be true or false, got %1; read as false.', describeValue(value.default))
    );
  }
  return { defaultCoroutine: value.default === true, problems };
}
