/**
 * The layer rule (docs/architecture.md): which folder of src/ may import which. A lower layer
 * never imports a higher one, and the core (scheduler, compiler, chart) imports no host API.
 * Prints every import that breaks the rule and exits 1 if there is one; `npm test` counts it as
 * one check. Usage: node scripts/check-layers.mjs [SRC_DIR]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What each layer may import besides its own files. `types` lists layers it may import with
 * `import type` only; `index` means only through that layer's index.ts; `files` are single
 * files of other layers it may import directly (the main-thread worker client, which must not
 * pull the compiler in through runtime/index.ts); `packages` are the npm packages and node:
 * modules it may use (a trailing '*' matches a prefix).
 */
export const LAYERS = {
  protocol: { imports: [], packages: [] },
  scheduler: { imports: [], packages: [] },
  compiler: { imports: [], packages: ['typescript', '@jridgewell/trace-mapping'] },
  chart: {
    imports: ['protocol'],
    types: ['scheduler'],
    packages: ['vega-lite*'],
    // Node-only PNG rendering for the CLI; never exported by chart/index.ts.
    nodeOnly: { 'render-png.ts': ['vega', '@resvg/resvg-js', 'dejavu-fonts-ttf', 'node:*'] }
  },
  grading: { imports: [], types: ['scheduler'], packages: [] },
  runtime: {
    imports: ['protocol'],
    index: ['scheduler', 'compiler', 'chart', 'grading'],
    // The asyncio version names (no imports), shared with the plugins' badge and settings.
    files: ['scheduler/python-version'],
    packages: ['tslib', 'node-inspect-extracted']
  },
  language: {
    // The TypeScript language service: the cell API's surface (types from the scheduler, the
    // grading assertions), the runtime's scope rule (compiler/scope-analysis) and way of parsing a
    // cell (compiler/parse-cell), the worker entry.
    imports: ['grading'],
    // cell-api-surface.ts re-exports the scheduler's public names for the declaration emit only.
    index: ['scheduler'],
    files: ['compiler/scope-analysis', 'compiler/parse-cell'],
    packages: ['typescript', 'coroutine-cells'],
    // Node-only: the checker behind `--types` in the CLI reads the lib files from disk.
    nodeOnly: { 'node-files.ts': ['node:*'], 'type-check.ts': ['node:*'] }
  },
  worker: { imports: ['protocol'], index: ['runtime'], packages: [] },
  cli: {
    imports: ['protocol', 'chart', 'kernel', 'language'],
    index: ['runtime'],
    // The runtime client, and the compiler's way of parsing a cell (for the duplicate check).
    files: ['runtime/runtime-client', 'compiler/parse-cell'],
    packages: ['node:*', 'typescript']
  },
  kernel: {
    imports: ['protocol'],
    files: ['runtime/runtime-client', 'worker/worker-main'],
    packages: ['node:*', '@resvg/resvg-wasm']
  },
  plugins: {
    imports: ['protocol', 'runtime'],
    files: ['language/language-client', 'language/protocol', 'scheduler/python-version'],
    packages: ['@jupyterlab/*', '@lumino/*', '@codemirror/*', 'react']
  },
  '.': { imports: ['plugins'], packages: ['@jupyterlab/*'] }
};

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The layer of a file (its first folder under src/, '.' for src/index.ts). */
function layerOf(file, src) {
  const parts = relative(src, file).split(sep);
  return parts.length === 1 ? '.' : parts[0];
}

function matches(patterns, name) {
  return patterns.some(p =>
    p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p || name.startsWith(`${p}/`)
  );
}

/** Every rule broken in `src`, as "file: message" lines. */
export function checkLayers(src) {
  const problems = [];
  for (const file of listFiles(src)) {
    const layer = layerOf(file, src);
    const rule = LAYERS[layer];
    const name = relative(src, file);
    if (!rule) {
      problems.push(
        `${name}: folder '${layer}' is not a known layer (add it to scripts/check-layers.mjs and docs/architecture.md)`
      );
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const found = [...text.matchAll(IMPORT)].map(m => ({ spec: m[3], typeOnly: Boolean(m[2]) }));
    found.push(...[...text.matchAll(DYNAMIC)].map(m => ({ spec: m[1], typeOnly: false })));
    for (const { spec, typeOnly } of found) {
      const problem = checkImport(src, file, layer, rule, spec, typeOnly);
      if (problem) problems.push(`${name}: ${problem}`);
    }
  }
  return problems;
}

function checkImport(src, file, layer, rule, spec, typeOnly) {
  if (!spec.startsWith('.')) {
    const own = rule.nodeOnly?.[relative(join(src, layer), file)] ?? [];
    if (matches(rule.packages, spec) || matches(own, spec)) return null;
    return `imports package '${spec}', which layer '${layer}' may not use`;
  }
  const target = resolve(dirname(file), spec);
  if (relative(src, target).startsWith('..')) return `imports '${spec}', outside src/`;
  // '../protocol' is a folder (its index.ts); '../index' a file of the top level.
  const targetLayer =
    existsSync(target) && statSync(target).isDirectory() ? relative(src, target).split(sep)[0] : layerOf(target, src);
  if (targetLayer === layer) return null;
  const targetFile = relative(src, target).split(sep).join('/');
  if (rule.files?.includes(targetFile)) return null;
  const intoIndex = relative(src, target) === targetLayer || relative(src, target) === join(targetLayer, 'index');
  if (rule.imports.includes(targetLayer)) return null;
  if (rule.index?.includes(targetLayer)) {
    return intoIndex ? null : `imports '${spec}': layer '${layer}' may use '${targetLayer}' only through its index.ts`;
  }
  if (rule.types?.includes(targetLayer)) {
    return typeOnly
      ? null
      : `imports '${spec}': layer '${layer}' may take only types from '${targetLayer}' (import type)`;
  }
  return `imports '${spec}': layer '${layer}' may not import layer '${targetLayer}'`;
}

function listFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const src = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'src'));
  const problems = checkLayers(src);
  for (const problem of problems) console.error(`layer rule: ${problem}`);
  console.log(
    problems.length === 0
      ? 'layer rule: every import follows docs/architecture.md'
      : `layer rule: ${problems.length} import(s) break it`
  );
  process.exit(problems.length === 0 ? 0 : 1);
}
