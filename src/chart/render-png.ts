/**
 * Node only (never imported by browser or worker code): renders a chart spec to a PNG with
 * vega's headless SVG output and resvg, using the DejaVu Sans font shipped in node_modules, so
 * the headless runner can store a static image that viewers without JavaScript show.
 */
import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** The font every PNG uses (loaded from the dejavu-fonts-ttf package, never from the system). */
export const PNG_FONT = 'DejaVu Sans';

/** Options of renderChartPng. */
export interface PngOptions {
  /** Page colour behind the chart (the spec's own is transparent); default white, as exports show it. */
  background?: string;
  /** Pixel ratio; 2 gives a crisp image for READMEs. Default 1. */
  scale?: number;
  /** Extra Vega-Lite config merged under the spec's own (e.g. a dark theme's text colours). */
  themeConfig?: { [key: string]: unknown };
}

/** Paths of the DejaVu Sans TTF files (regular and bold, for titles). */
export function dejaVuFontFiles(): string[] {
  const names = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];
  const dir = findFontDir();
  if (dir === null) {
    throw new Error(
      'renderChartPng(): the dejavu-fonts-ttf package was not found in node_modules (npm install dejavu-fonts-ttf)'
    );
  }
  return names.map(f => join(dir, f));
}

/**
 * Finds node_modules/dejavu-fonts-ttf/ttf by Node resolution from this file (CommonJS bundles),
 * the running script and the working directory. No import.meta: the CLI bundles this as CommonJS.
 */
function findFontDir(): string | null {
  const starts = [
    typeof __filename === 'string' ? __filename : null,
    process.argv[1] ?? null,
    join(process.cwd(), 'index.js')
  ];
  for (const start of starts) {
    if (start === null) continue;
    try {
      const dir = join(dirname(createRequire(start).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
      if (existsSync(join(dir, 'DejaVuSans.ttf'))) return dir;
    } catch {
      // not resolvable from there: try the next start
    }
  }
  return null;
}

/** Compiles a Vega-Lite spec with DejaVu Sans as its font and renders it to an SVG string. */
export async function renderChartSvg(spec: object, options: PngOptions = {}): Promise<string> {
  if (spec === null || typeof spec !== 'object') {
    throw new TypeError(
      `renderChartSvg(): spec must be a Vega-Lite spec object, got ${spec === null ? 'null' : typeof spec}`
    );
  }
  // vega tags the data objects it parses (a symbol per row): work on a copy so the caller's
  // spec, which is also the stored output, stays plain JSON.
  const own = structuredClone(spec) as { config?: Record<string, unknown> };
  const config = deepMerge(deepMerge(options.themeConfig ?? {}, own.config ?? {}), { font: PNG_FONT });
  const themed = { ...own, config } as unknown as TopLevelSpec;
  const view = new View(parse(compile(themed).spec), { renderer: 'none' });
  try {
    return xmlSafe(await view.toSVG(options.scale ?? 1));
  } finally {
    view.finalize();
  }
}

/** Characters XML 1.0 forbids (C0 controls but tab/newline/CR, U+FFFE/U+FFFF, lone surrogates). */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The SVG with characters XML forbids replaced by U+FFFD: vega writes task names and prints into
 * text elements as they are, and one such character would make resvg reject the whole image.
 */
export function xmlSafe(svg: string): string {
  return svg.replace(NOT_XML, '\uFFFD');
}

/** Renders a Vega-Lite spec to PNG bytes (vega SVG -> resvg, DejaVu Sans). */
export async function renderChartPng(spec: object, options: PngOptions = {}): Promise<Uint8Array> {
  const svg = await renderChartSvg(spec, options);
  const resvg = new Resvg(svg, {
    background: options.background ?? 'white',
    font: {
      loadSystemFonts: false,
      fontFiles: dejaVuFontFiles(),
      defaultFontFamily: PNG_FONT,
      sansSerifFamily: PNG_FONT
    },
    logLevel: 'off'
  });
  return new Uint8Array(resvg.render().asPng());
}

/** Merges plain objects recursively; values of `over` win. */
function deepMerge(under: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const prev = out[key];
    out[key] = isPlain(prev) && isPlain(value) ? deepMerge(prev, value) : value;
  }
  return out;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
