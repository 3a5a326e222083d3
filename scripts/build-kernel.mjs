/**
 * Bundles the runtime that the Python package carries (jupyterlab_coroutine_cells/runtime/): the
 * Jupyter kernel's Node host and its worker, and the `coroutine-cells` command line and its worker, each one
 * self-contained CommonJS file with the project's compiler, scheduler, runtime and chart (and
 * TypeScript), run by the machine's Node.js. Beside them: resvg.wasm (PNG charts on every
 * platform), the DejaVu Sans fonts of the PNGs, api-docs.json (the cell API's names and doc
 * comments, for completion and inspection) and info.json.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ROOT, step } from './lib.mjs';

/** Where the bundles go (packaged by pyproject.toml as wheel artifacts). */
export const RUNTIME_DIR = join(ROOT, 'jupyterlab_coroutine_cells', 'runtime');

const require = createRequire(import.meta.url);

const COMMON = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  // Keep class and function names: errors are reported by name (CancelledError, TimeoutError…).
  keepNames: true,
  legalComments: 'eof',
  // vega probes for the optional `canvas` package; without it, it measures text by estimate.
  external: ['canvas'],
  alias: { '@resvg/resvg-js': join(ROOT, 'src', 'kernel', 'resvg-wasm.ts') },
  logLevel: 'warning'
};

/** Builds everything into `dir` (default RUNTIME_DIR). */
export async function buildKernelRuntime(dir = RUNTIME_DIR) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entry = (contents, outfile) =>
    build({
      ...COMMON,
      stdin: { contents, resolveDir: ROOT, sourcefile: outfile.replace(/\.cjs$/, '-entry.ts'), loader: 'ts' },
      outfile: join(dir, outfile)
    });
  await entry(
    `import { join } from 'node:path';
import { resvgReady } from './src/kernel/resvg-wasm';
import { serveKernelHost } from './src/cli/kernel-host';
void resvgReady().then(() => serveKernelHost(join(__dirname, 'kernel-worker.cjs')));`,
    'kernel-host.cjs'
  );
  await build({
    ...COMMON,
    entryPoints: [join(ROOT, 'src', 'kernel', 'kernel-worker.ts')],
    outfile: join(dir, 'kernel-worker.cjs')
  });
  // The CLI runs its cells in a worker thread of its own (src/cli/runner-worker.ts).
  await build({
    ...COMMON,
    entryPoints: [join(ROOT, 'src', 'cli', 'runner-worker.ts')],
    outfile: join(dir, 'runner-worker.cjs')
  });
  await entry(
    `import { join } from 'node:path';
import { resvgReady } from './src/kernel/resvg-wasm';
import { main } from './src/cli/main';
void resvgReady()
  .then(() => main(process.argv.slice(2), process, { runnerFile: join(__dirname, 'runner-worker.cjs') }))
  .then(code => { process.exitCode = code; });`,
    'cli.cjs'
  );
  copyFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm'), join(dir, 'resvg.wasm'));
  // The PNG renderer finds the fonts by Node resolution of dejavu-fonts-ttf from the bundle.
  const fonts = dirname(require.resolve('dejavu-fonts-ttf/package.json'));
  const fontsOut = join(dir, 'node_modules', 'dejavu-fonts-ttf');
  mkdirSync(join(fontsOut, 'ttf'), { recursive: true });
  for (const name of ['package.json', 'LICENSE', 'ttf/DejaVuSans.ttf', 'ttf/DejaVuSans-Bold.ttf']) {
    copyFileSync(join(fonts, name), join(fontsOut, name));
  }
  writeFileSync(join(dir, 'api-docs.json'), JSON.stringify(apiDocs(), null, 1) + '\n');
  const typescript = JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')).version;
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  writeFileSync(join(dir, 'info.json'), JSON.stringify({ version, typescript }) + '\n');
  step(`kernel runtime: ${readdirSync(dir).join(', ')} -> ${dir}`);
}

/** Where the npm package's prebuilt command line goes (bin/coroutine-cells.mjs uses it when src/ is absent). */
export const NPM_CLI_DIR = join(ROOT, 'lib', 'cli-bundle');

/**
 * The `coroutine-cells` bin of the npm package: the CLI and its runner worker, with the package's
 * runtime dependencies left as imports (so an installed package needs no esbuild and no src/).
 */
export async function buildNpmCli(dir = NPM_CLI_DIR) {
  rmSync(dir, { recursive: true, force: true });
  const result = await build({
    entryPoints: {
      main: join(ROOT, 'src', 'cli', 'main.ts'),
      'runner-worker': join(ROOT, 'src', 'cli', 'runner-worker.ts')
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outdir: dir,
    outExtension: { '.js': '.cjs' },
    metafile: true,
    logLevel: 'warning'
  });
  return result.metafile;
}

/** The predefined names of a cell that the scheduler does not declare. */
const OUTPUT_API = {
  print: {
    signature: 'print(...args: unknown[]): void',
    doc: "Prints its arguments separated by spaces (non-strings as util.inspect shows them) on stdout, as Python's print."
  },
  display: {
    signature: 'display(...values: unknown[]): void',
    doc: "Shows each value as a rich output of the cell (a MIME bundle), as IPython's display."
  },
  console: {
    signature: 'console: Console',
    doc: 'console.log/info/debug write to stdout, console.warn/error/trace to stderr (util.format).'
  }
};

/** Name -> { signature, doc } of every cell API name, from the scheduler's doc comments. */
function apiDocs() {
  const ts = require('typescript');
  const apiSource = readFileSync(join(ROOT, 'src', 'runtime', 'cell-api.ts'), 'utf8');
  const names = [...apiSource.match(/SCHEDULER_API_NAMES = \[([^\]]*)\]/)[1].matchAll(/'([^']+)'/g)].map(m => m[1]);
  const docs = { ...OUTPUT_API };
  const dir = join(ROOT, 'src', 'scheduler');
  for (const file of readdirSync(dir)
    .filter(f => f.endsWith('.ts'))
    .sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    for (const statement of source.statements) {
      const declared = statement.name?.text ?? statement.declarationList?.declarations[0]?.name?.text;
      if (!names.includes(declared) || docs[declared]) continue;
      const doc = ts
        .getJSDocCommentsAndTags(statement.declarationList?.declarations[0] ?? statement)
        .map(node => ts.getTextOfJSDocComment(node.comment) ?? '')
        .join('\n')
        .trim();
      const code = statement.getText(source).replace(/^export\s+/, '');
      const signature = code
        .slice(0, code.search(/\{|=>|;|$/))
        .replace(/\s+/g, ' ')
        .trim();
      docs[declared] = { signature, doc };
    }
  }
  for (const name of names) docs[name] ??= { signature: name, doc: '' };
  return docs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildKernelRuntime();
  await buildNpmCli();
}
