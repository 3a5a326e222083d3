/**
 * The one place that decides which options a coroutine cell runs with, used by the JupyterLab
 * executor (through the worker), the badge, and the headless runner's `execute` and `check`.
 * Precedence, lowest first — each layer overrides only the keys it sets:
 *   1. the defaults: the Settings Editor in JupyterLab, the built-in defaults in the CLI;
 *   2. the notebook's metadata, `"coroutine-cells": {"default": true, "clock": "real", "python": "3.13", ...}`;
 *   3. the cell's metadata, `"coroutine-cells": {"clock": "real", "maxSteps": 1000, "chart": {...}}`;
 *   4. the cell's first-line directive, `// @coroutine-cells clock=real`.
 * A value that is present but invalid is an error that names where it is, the key, the value and
 * what is allowed; the cell then does not run (nothing is silently ignored). Options in metadata
 * written by a newer version of the extension (a higher "version") are skipped with a warning.
 * Pure: no JupyterLab or DOM imports.
 */
import { parseCellDirectives } from './cell-directives';
import { isPythonVersion, PYTHON_VERSIONS } from '../scheduler/python-version';
import type { CellOptions, ChartOptions, OptionMetadata } from '../protocol';

/** The metadata format this version writes and reads. */
export const OPTIONS_FORMAT_VERSION = 1;

/** Where an option's value came from. */
export type OptionOrigin = 'defaults' | 'notebook' | 'cell' | 'directive';

/** The options a cell runs with, or why it cannot run. */
export type ResolvedCellOptions =
  | { ok: true; options: CellOptions; clockFrom: OptionOrigin; warnings: string[] }
  | { ok: false; metadataErrors: string[]; directiveErrors: string[]; warnings: string[] };

/** The option keys metadata may hold (both levels), and the chart's own keys. */
export const METADATA_OPTION_KEYS = ['clock', 'maxSteps', 'maxVirtualTime', 'chart', 'python'] as const;
const CHART_KEYS = ['enabled', 'rowLimit', 'showPrints', 'showSteps'] as const;
const OTHER_KEYS: Record<'notebook' | 'cell', string[]> = { notebook: ['version', 'default'], cell: ['version'] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  text = text ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const isPositiveInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const isPositive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * Applies one metadata layer (`where`: 'notebook' or 'cell') over `options`, collecting errors
 * and warnings. `value` is what is stored under "coroutine-cells"; absent values change nothing.
 */
export function applyMetadataOptions(
  options: CellOptions,
  value: unknown,
  where: 'notebook' | 'cell',
  errors: string[],
  warnings: string[]
): boolean {
  const place = `the ${where}'s "coroutine-cells" metadata`;
  if (value === undefined || value === null || value === false || (where === 'cell' && value === true)) return false;
  if (!isRecord(value)) {
    errors.push(`${place} must be an object such as {"clock": "real"}, got ${show(value)}`);
    return false;
  }
  const version = value.version;
  if (version !== undefined && !isPositiveInteger(version)) {
    errors.push(`${place}: "version" must be a whole number >= 1, got ${show(version)}`);
    return false;
  }
  const newer = typeof version === 'number' && version > OPTIONS_FORMAT_VERSION;
  if (newer) {
    warnings.push(
      `${place} was written by a newer version of jupyterlab-coroutine-cells (format ${version}; this version reads ` +
        `format ${OPTIONS_FORMAT_VERSION}): options it does not know are ignored; update the extension to use them`
    );
  }
  const known = [...METADATA_OPTION_KEYS, ...OTHER_KEYS[where]];
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    if (newer) continue;
    errors.push(`${place}: unknown option "${key}" (known options: ${known.join(', ')})`);
  }
  let clockSet = false;
  if (value.clock !== undefined) {
    if (value.clock === 'virtual' || value.clock === 'real') {
      options.clock = value.clock;
      clockSet = true;
    } else errors.push(`${place}: "clock" must be "virtual" or "real", got ${show(value.clock)}`);
  }
  if (value.maxSteps !== undefined) {
    if (isPositiveInteger(value.maxSteps)) options.maxSteps = value.maxSteps;
    else errors.push(`${place}: "maxSteps" must be a whole number > 0, got ${show(value.maxSteps)}`);
  }
  if (value.maxVirtualTime !== undefined) {
    if (isPositive(value.maxVirtualTime)) options.maxVirtualTime = value.maxVirtualTime;
    else errors.push(`${place}: "maxVirtualTime" must be a number of seconds > 0, got ${show(value.maxVirtualTime)}`);
  }
  if (value.python !== undefined) {
    if (isPythonVersion(value.python)) options.python = value.python;
    else
      errors.push(
        `${place}: "python" must be one of ${PYTHON_VERSIONS.map(v => `"${v}"`).join(', ')}, got ${show(value.python)}`
      );
  }
  if (value.chart !== undefined) applyChart(options.chart, value.chart, place, newer, errors);
  return clockSet;
}

function applyChart(chart: ChartOptions, value: unknown, place: string, newer: boolean, errors: string[]): void {
  if (typeof value === 'boolean' || value === 'auto') {
    chart.enabled = value;
    return;
  }
  if (!isRecord(value)) {
    errors.push(`${place}: "chart" must be true, false or an object such as {"rowLimit": 20}, got ${show(value)}`);
    return;
  }
  for (const key of Object.keys(value)) {
    if (!(CHART_KEYS as readonly string[]).includes(key) && !newer) {
      errors.push(`${place}: unknown chart option "${key}" (known: ${CHART_KEYS.join(', ')})`);
    }
  }
  if (value.enabled === 'auto') chart.enabled = 'auto';
  for (const key of ['enabled', 'showPrints', 'showSteps'] as const) {
    if (value[key] === undefined || (key === 'enabled' && value[key] === 'auto')) continue;
    if (typeof value[key] === 'boolean') chart[key] = value[key] as boolean;
    else errors.push(`${place}: "chart.${key}" must be true or false, got ${show(value[key])}`);
  }
  if (value.rowLimit !== undefined) {
    if (isPositiveInteger(value.rowLimit)) chart.rowLimit = value.rowLimit;
    else errors.push(`${place}: "chart.rowLimit" must be a whole number > 0, got ${show(value.rowLimit)}`);
  }
}

/** Resolves a cell's options: defaults < notebook metadata < cell metadata < first-line directive. */
export function resolveCellOptions(
  defaults: CellOptions,
  metadata: OptionMetadata | undefined,
  source: string
): ResolvedCellOptions {
  if (defaults === null || typeof defaults !== 'object' || !isRecord(defaults.chart)) {
    throw new TypeError(`resolveCellOptions(): defaults must be CellOptions, got ${show(defaults)}`);
  }
  if (typeof source !== 'string')
    throw new TypeError(`resolveCellOptions(): source must be a string, got ${typeof source}`);
  const options: CellOptions = { ...defaults, chart: { ...defaults.chart } };
  const errors: string[] = [];
  const warnings: string[] = [];
  let clockFrom: OptionOrigin = 'defaults';
  if (applyMetadataOptions(options, metadata?.notebook, 'notebook', errors, warnings)) clockFrom = 'notebook';
  if (applyMetadataOptions(options, metadata?.cell, 'cell', errors, warnings)) clockFrom = 'cell';
  const directive = parseCellDirectives(source, options);
  if (directive.ok && errors.length === 0) {
    if (directive.found && /(^|\s)clock=/.test(source.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]))
      clockFrom = 'directive';
    return { ok: true, options: directive.options, clockFrom, warnings };
  }
  const directiveErrors = directive.ok ? [] : directive.errors.map(e => e.message);
  return { ok: false, metadataErrors: errors, directiveErrors, warnings };
}
