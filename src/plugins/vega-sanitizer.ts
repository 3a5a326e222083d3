/**
 * Makes a Vega / Vega-Lite output safe to hand to JupyterLab's Vega renderer (vega-embed).
 * vega-embed takes options from the spec itself (`usermeta.embedOptions`) over the renderer's,
 * and two of its actions write the spec unescaped into a same-origin popup ("View Source",
 * "View Compiled Vega"), so a task named `<img src=x onerror=...>` would run script in the
 * Jupyter origin; `sourceHeader`/`sourceFooter` do it directly. So, for every spec:
 *   - the actions are limited to exporting an image (no source, compiled or editor actions);
 *   - `sourceHeader`, `sourceFooter`, `loader`, `editorUrl`, `downloadFileName`... are dropped:
 *     only `renderer`, `theme`, `scaleFactor`, `padding`, `width`, `height`, `tooltip: true/false`,
 *     `defaultStyle: true/false`, `hover` and `actions` (made safe) are kept.
 * For an untrusted output (a notebook opened, not run), also nothing is fetched: every `url`
 * (data, images, a `config` or `spec` given by URL) is removed, so opening a notebook never reads
 * local files through the renderer's loader or calls a remote server.
 * Pure (no DOM): unit-tested in Node. Never changes its input.
 */
import type { JSONValue } from '../protocol';

/** The only actions left on a chart's "…" menu. */
export const SAFE_ACTIONS = { export: true, source: false, compiled: false, editor: false };

const KEPT_EMBED_OPTIONS = [
  'renderer',
  'theme',
  'scaleFactor',
  'padding',
  'width',
  'height',
  'hover',
  'defaultStyle',
  'tooltip'
];

type JsonObject = { [key: string]: JSONValue };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The embed options (from a spec's usermeta or an output's metadata) reduced to harmless ones. */
export function safeEmbedOptions(options: unknown): JsonObject {
  const safe: JsonObject = {};
  if (isObject(options)) {
    for (const key of KEPT_EMBED_OPTIONS) {
      const value = options[key];
      if (value === undefined) continue;
      // A string here could be a URL or a style sheet; only plain values are kept.
      if (key === 'defaultStyle' || key === 'tooltip' || key === 'hover') {
        if (typeof value === 'boolean') safe[key] = value;
      } else if (key === 'renderer') {
        if (value === 'svg' || value === 'canvas') safe[key] = value;
      } else if (key === 'theme') {
        if (typeof value === 'string' && /^[a-z0-9]+$/i.test(value)) safe[key] = value;
      } else if (typeof value === 'number' || isObject(value)) {
        safe[key] = value;
      }
    }
  }
  // `actions: false` (no menu at all) stays; anything else becomes the export-only menu.
  safe.actions = isObject(options) && options.actions === false ? false : { ...SAFE_ACTIONS };
  return safe;
}

/** Removes every `url` (and URL-valued `config`) from a spec, recursively; counts what it removed. */
function dropUrls(value: JSONValue, removed: { count: number }, depth = 0): JSONValue {
  if (depth > 200) return null;
  if (Array.isArray(value)) return value.map(item => dropUrls(item, removed, depth + 1));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  const loadsUrl = typeof value.url === 'string' || isObject(value.url);
  for (const [key, item] of Object.entries(value)) {
    if (key === 'url' || key === 'href' || (key === 'config' && typeof item === 'string') || key === 'loader') {
      removed.count++;
      continue;
    }
    // The format described the fetched file; the data left is an empty inline list.
    if (loadsUrl && key === 'format') continue;
    out[key] = dropUrls(item, removed, depth + 1);
  }
  if (loadsUrl && out.values === undefined) out.values = [];
  return out;
}

/** What sanitizeVegaSpec returns. */
export interface SanitizedSpec {
  spec: JSONValue;
  /** The number of URLs removed (untrusted outputs only). */
  urlsRemoved: number;
}

/** Returns a copy of `spec` with safe embed options, and, when `trusted` is false, no URLs. */
export function sanitizeVegaSpec(spec: JSONValue, trusted: boolean): SanitizedSpec {
  if (!isObject(spec)) return { spec, urlsRemoved: 0 };
  const removed = { count: 0 };
  const copy = (trusted ? { ...spec } : dropUrls(spec, removed)) as JsonObject;
  const usermeta = isObject(spec.usermeta) ? { ...spec.usermeta } : {};
  usermeta.embedOptions = safeEmbedOptions(isObject(spec.usermeta) ? spec.usermeta.embedOptions : undefined);
  copy.usermeta = usermeta;
  return { spec: copy, urlsRemoved: removed.count };
}
