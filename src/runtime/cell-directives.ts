/**
 * Per-cell options written in the cell itself, so a reader of the exported notebook sees them:
 * a first-line comment such as
 *   // @coroutine-cells clock=real maxSteps=1000 chart=off rowLimit=20 python=3.12
 * Its settings are merged over the notebook defaults. An unknown key or a bad value is an error
 * that names the key and the allowed values; the cell then does not run.
 */
import type { CellOptions } from '../protocol';
import { isPythonVersion, PYTHON_VERSIONS } from '../scheduler/python-version';

/** The marker that starts a directive comment. */
export const DIRECTIVE_MARKER = '// @coroutine-cells';

/** One problem in a directive line. */
export interface DirectiveError {
  key: string;
  message: string;
}

/** The merged options, or the errors found. */
export type DirectiveResult =
  { ok: true; options: CellOptions; found: boolean } | { ok: false; errors: DirectiveError[] };

type Setter = (options: CellOptions, value: string) => string | null;

const onOff = (value: string): boolean | null =>
  ['on', 'true', 'yes'].includes(value) ? true : ['off', 'false', 'no'].includes(value) ? false : null;

const positiveInteger = (value: string): number | null =>
  /^[0-9][0-9_]*$/.test(value) && Number(value.replace(/_/g, '')) > 0 ? Number(value.replace(/_/g, '')) : null;

/** Each key with its parser; a setter returns an error message or null. */
const KEYS: Record<string, { allowed: string; set: Setter }> = {
  clock: {
    allowed: 'virtual | real',
    set: (o, v) => (v === 'virtual' || v === 'real' ? ((o.clock = v), null) : 'bad')
  },
  maxSteps: {
    allowed: 'a positive integer',
    set: (o, v) => {
      const n = positiveInteger(v);
      return n === null ? 'bad' : ((o.maxSteps = n), null);
    }
  },
  maxVirtualTime: {
    allowed: 'a positive number of seconds',
    set: (o, v) => {
      const n = Number(v);
      return v !== '' && Number.isFinite(n) && n > 0 ? ((o.maxVirtualTime = n), null) : 'bad';
    }
  },
  python: {
    allowed: PYTHON_VERSIONS.join(' | '),
    set: (o, v) => (isPythonVersion(v) ? ((o.python = v), null) : 'bad')
  },
  chart: {
    allowed: 'auto | on | off',
    set: (o, v) => (v === 'auto' ? ((o.chart.enabled = 'auto'), null) : setFlag(v, b => (o.chart.enabled = b)))
  },
  rowLimit: {
    allowed: 'a positive integer',
    set: (o, v) => {
      const n = positiveInteger(v);
      return n === null ? 'bad' : ((o.chart.rowLimit = n), null);
    }
  },
  showPrints: { allowed: 'on | off', set: (o, v) => setFlag(v, b => (o.chart.showPrints = b)) },
  showSteps: { allowed: 'on | off', set: (o, v) => setFlag(v, b => (o.chart.showSteps = b)) },
  typeCheck: {
    allowed: 'off | warn | error',
    set: (o, v) => (v === 'off' || v === 'warn' || v === 'error' ? ((o.typeCheck = v), null) : 'bad')
  }
};

function setFlag(value: string, apply: (flag: boolean) => void): string | null {
  const flag = onOff(value);
  if (flag === null) return 'bad';
  apply(flag);
  return null;
}

/** The directive keys with their allowed values, for help texts. */
export const DIRECTIVE_KEYS: ReadonlyArray<[key: string, allowed: string]> = Object.entries(KEYS).map(([key, spec]) => [
  key,
  spec.allowed
]);

/** Parses the directive of `source` (if its first line is one) and merges it over `defaults`. */
export function parseCellDirectives(source: string, defaults: CellOptions): DirectiveResult {
  if (typeof source !== 'string') {
    throw new TypeError(`parseCellDirectives(): source must be a string, got ${typeof source}`);
  }
  if (defaults === null || typeof defaults !== 'object' || typeof defaults.chart !== 'object') {
    throw new TypeError(`parseCellDirectives(): defaults must be CellOptions, got ${String(defaults)}`);
  }
  const options: CellOptions = { ...defaults, chart: { ...defaults.chart } };
  const firstLine = source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .trim();
  if (!firstLine.startsWith(DIRECTIVE_MARKER)) return { ok: true, options, found: false };
  const rest = firstLine.slice(DIRECTIVE_MARKER.length);
  if (rest !== '' && !/^\s/.test(rest)) return { ok: true, options, found: false };
  const errors: DirectiveError[] = [];
  for (const token of rest.trim().split(/\s+/).filter(Boolean)) {
    const eq = token.indexOf('=');
    const key = eq < 0 ? token : token.slice(0, eq);
    const spec = Object.prototype.hasOwnProperty.call(KEYS, key) ? KEYS[key] : undefined;
    if (!spec) {
      const known = Object.keys(KEYS).join(', ');
      errors.push({ key, message: `unknown directive key '${key}'; allowed keys: ${known}` });
      continue;
    }
    if (eq < 0) {
      errors.push({ key, message: `directive '${key}' needs a value: ${key}=<${spec.allowed}>` });
      continue;
    }
    const value = token.slice(eq + 1);
    if (spec.set(options, value) !== null) {
      errors.push({ key, message: `bad value for '${key}': ${JSON.stringify(value)}; allowed: ${spec.allowed}` });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, options, found: true };
}
