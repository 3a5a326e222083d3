/**
 * `npm run course`: publishes the course in examples/ into course-build/ (git-ignored), offline.
 *
 *   notebooks/  the students' copies: solutions replaced by the TypeScript stub, hidden checks
 *               removed, the outputs of exercise and check cells cleared (nbgrader's markers)
 *   html/       nbconvert HTML (every chart a PNG with alt text, TypeScript highlighting)
 *   markdown/   nbconvert Markdown, chart images as files with their alt text
 *   slides/     nbconvert reveal.js slides; reveal.js and require.js from local npm packages
 *   latex/      nbconvert --to pdf (LaTeX, xelatex): A4, the notebook's title and authors, 88-column code
 *               lines whole (needs Debian's texlive, pandoc: scripts/course-latex.mjs)
 *   pdf/        the HTML printed to PDF by the system Chromium (Playwright, executablePath)
 *   myst/       a MyST (Jupyter Book 2) site, built by mystmd with the project's own static theme
 *               (scripts/course-myst-theme/): charts as images with alt text, TypeScript highlighting
 *   lite/       a JupyterLite site of the course with the extension: every lesson runs with no server
 *
 * `node scripts/course.mjs --only html,pdf [--out DIR]` builds some parts (elsewhere). Run it after
 * scripts/setup.mjs.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, run, step, venvBin } from './lib.mjs';
import { missingLatexTools, LATEX_PACKAGES } from './course-latex.mjs';
import { studentCopy } from './course-student-copy.mjs';

const outArg = process.argv.indexOf('--out');
/** Where the course is built: course-build/, or `--out DIR`. */
export const BUILD = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(ROOT, 'course-build');
const EXAMPLES = join(ROOT, 'examples');
const TEMPLATES = join(ROOT, 'scripts', 'course-templates');
const PARTS = ['notebooks', 'html', 'markdown', 'slides', 'latex', 'pdf', 'myst', 'lite'];

const onlyArg = process.argv.find(arg => arg.startsWith('--only'));
const only = onlyArg ? (onlyArg.split('=')[1] ?? process.argv[process.argv.indexOf(onlyArg) + 1]).split(',') : PARTS;
for (const part of only) {
  if (!PARTS.includes(part)) {
    console.error(`[coroutine-cells] course: unknown part '${part}' (parts: ${PARTS.join(', ')})`);
    process.exit(2);
  }
}
if (!existsSync(venvBin('jupyter'))) {
  console.error('[coroutine-cells] course: the Python environment is missing: run `node scripts/setup.mjs` first.');
  process.exit(1);
}

const lessons = readdirSync(EXAMPLES)
  .filter(name => name.endsWith('.ipynb'))
  .sort();
const notebooks = join(BUILD, 'notebooks');

step(`course: the students' copies of ${lessons.length} notebooks`);
rmSync(notebooks, { recursive: true, force: true });
mkdirSync(notebooks, { recursive: true });
for (const name of lessons) {
  const notebook = JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8'));
  writeFileSync(join(notebooks, name), JSON.stringify(studentCopy(notebook), null, 1) + '\n');
}
const copies = lessons.map(name => join(notebooks, name));

/** Runs nbconvert on every copy into course-build/<part>. */
function nbconvert(part, args) {
  const out = join(BUILD, part);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  run(venvBin('jupyter'), [
    'nbconvert',
    ...args,
    `--TemplateExporter.extra_template_basedirs=${TEMPLATES}`,
    '--output-dir',
    out,
    ...copies
  ]);
  return out;
}

if (only.includes('html')) {
  step('course: HTML (nbconvert)');
  nbconvert('html', ['--to', 'html', '--template', 'course-html']);
}
if (only.includes('markdown')) {
  step('course: Markdown (nbconvert)');
  nbconvert('markdown', ['--to', 'markdown', '--template', 'course-markdown']);
}
if (only.includes('slides')) {
  step('course: reveal.js slides (nbconvert), reveal.js served from node_modules');
  const out = nbconvert('slides', [
    '--to',
    'slides',
    '--template',
    'course-slides',
    '--SlidesExporter.reveal_url_prefix=reveal.js',
    '--SlidesExporter.require_js_url=reveal.js/require.js'
  ]);
  const reveal = join(ROOT, 'node_modules', 'reveal.js');
  for (const dir of ['dist', 'plugin']) cpSync(join(reveal, dir), join(out, 'reveal.js', dir), { recursive: true });
  cpSync(join(ROOT, 'node_modules', 'requirejs', 'require.js'), join(out, 'reveal.js', 'require.js'));
}
const skipped = [];
if (only.includes('latex')) {
  step('course: LaTeX PDF (nbconvert --to pdf, xelatex)');
  const missing = missingLatexTools();
  if (missing.length === 0) {
    nbconvert('latex', ['--to', 'pdf', '--template', 'course-latex']);
  } else {
    const why =
      `${missing.join(', ')} missing for the LaTeX PDF: install them ` +
      `(\`sudo apt-get install ${LATEX_PACKAGES.join(' ')}\`, or \`node scripts/setup.mjs --test\` as root)`;
    // Asked for by name: an error. Part of "everything": the other parts are still built.
    if (onlyArg) {
      console.error(`[coroutine-cells] course: ${why}.`);
      process.exit(1);
    }
    console.error(`[coroutine-cells] course: skipping latex/: ${why}.`);
    skipped.push('latex');
  }
}
if (only.includes('pdf')) {
  step('course: PDF (the HTML printed by the system Chromium)');
  if (!existsSync(join(BUILD, 'html'))) nbconvert('html', ['--to', 'html', '--template', 'course-html']);
  run(process.execPath, [join(ROOT, 'scripts', 'course-pdf.mjs'), join(BUILD, 'html'), join(BUILD, 'pdf')]);
}
if (only.includes('myst')) {
  step('course: MyST site (mystmd, the course theme; nothing fetched)');
  run(process.execPath, [
    join(ROOT, 'scripts', 'course-myst.mjs'),
    notebooks,
    join(BUILD, 'myst-src'),
    join(BUILD, 'myst')
  ]);
}
if (only.includes('lite')) {
  step('course: JupyterLite site');
  run(process.execPath, [join(ROOT, 'scripts', 'course-lite.mjs'), notebooks, join(BUILD, 'lite')]);
}
const built = only.filter(part => !skipped.includes(part));
step(
  `course: built ${built.join(', ')} into ${BUILD}${skipped.length ? ` (skipped: ${skipped.join(', ')}, see above)` : ''}`
);
