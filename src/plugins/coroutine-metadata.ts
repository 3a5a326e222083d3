/**
 * Reads the "coroutine-cells" metadata of a cell or a notebook without trusting it: a notebook can
 * come from anywhere (a newer version of this extension, a hand edit, another tool). Nothing here
 * changes the metadata; it only says what this version understands and what it will ignore, in
 * messages a user can act on. Pure: no JupyterLab imports, so it is unit-tested in Node.
 */
import type { ClockMode } from '../protocol';

/** The metadata format this version writes and reads. A higher number comes from a newer version. */
export const METADATA_FORMAT_VERSION = 1;

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
}

/** What a notebook's metadata says. */
export interface NotebookMarker {
  /** True when new code cells become coroutine cells. */
  defaultCoroutine: boolean;
  problems: string[];
}

const CELL_OPTION_KEYS = ['version', 'clock', 'maxSteps', 'maxVirtualTime', 'chart'];
const CHART_OPTION_KEYS = ['enabled', 'rowLimit', 'showPrints', 'showSteps'];
const NOTEBOOK_KEYS = ['version', 'default'];

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

function checkVersion(value: unknown, problems: string[], trans: Translate): void {
  if (value === undefined) {
    return;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    problems.push(trans('"version" should be a whole number >= 1, got %1; read as version %2.', describeValue(value), METADATA_FORMAT_VERSION));
  } else if (value > METADATA_FORMAT_VERSION) {
    problems.push(
      trans(
        'Written by a newer version of jupyterlab-coroutine-cells (metadata format %1; this version reads format %2). Options it does not know are ignored; update the extension to use them.',
        value,
        METADATA_FORMAT_VERSION
      )
    );
  }
}

function checkUnknownKeys(value: Record<string, unknown>, known: string[], where: string, problems: string[], trans: Translate): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      problems.push(trans('Unknown option "%1" in %2 is ignored (known options: %3).', key, where, known.join(', ')));
    }
  }
}

/**
 * Reads a cell's "coroutine-cells" metadata (`value` is whatever is stored there). Any value other
 * than `undefined`, `null` or `false` marks a coroutine cell (isCoroutineCell); this reports what
 * in it is malformed. The cell still runs, with the defaults for whatever was ignored.
 */
export function readCellMarker(value: unknown, trans: Translate = noTranslation): CellMarker {
  const problems: string[] = [];
  if (value === undefined || value === null || value === false) {
    return { problems };
  }
  if (!isPlainObject(value)) {
    problems.push(
      trans('The cell\'s "coroutine-cells" metadata should be an object, got %1; the cell runs with the default options.', describeValue(value))
    );
    return { problems };
  }
  checkVersion(value.version, problems, trans);
  checkUnknownKeys(value, CELL_OPTION_KEYS, trans('the cell metadata'), problems, trans);
  let clock: ClockMode | undefined;
  if (value.clock !== undefined) {
    if (value.clock === 'virtual' || value.clock === 'real') {
      clock = value.clock;
    } else {
      problems.push(trans('Option "clock" should be "virtual" or "real", got %1; ignored.', describeValue(value.clock)));
    }
  }
  for (const key of ['maxSteps', 'maxVirtualTime']) {
    const option = value[key];
    if (option !== undefined && !(typeof option === 'number' && Number.isFinite(option) && option > 0)) {
      problems.push(trans('Option "%1" should be a positive number, got %2; ignored.', key, describeValue(option)));
    }
  }
  if (value.chart !== undefined) {
    if (!isPlainObject(value.chart)) {
      problems.push(trans('Option "chart" should be an object, got %1; ignored.', describeValue(value.chart)));
    } else {
      checkUnknownKeys(value.chart, CHART_OPTION_KEYS, trans('the chart options'), problems, trans);
    }
  }
  return { clock, problems };
}

/** Reads a notebook's "coroutine-cells" metadata. Only `{"default": true}` makes a coroutine notebook. */
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
  checkVersion(value.version, problems, trans);
  checkUnknownKeys(value, NOTEBOOK_KEYS, trans('the notebook metadata'), problems, trans);
  if (value.default !== undefined && typeof value.default !== 'boolean') {
    problems.push(trans('Option "default" should be true or false, got %1; read as false.', describeValue(value.default)));
  }
  return { defaultCoroutine: value.default === true, problems };
}
