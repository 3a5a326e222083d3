/**
 * Builds the course as a MyST site (Jupyter Book 2's engine, mystmd from npm) with the project's
 * own site template, scripts/course-myst-theme/: mystmd's default `book-theme` is downloaded from
 * the network at build time and is not published to any package registry, so the site uses a
 * template whose code and packages are installed by `npm ci`. Nothing is fetched at build time
 * (tests/course/myst.test.ts builds it with no network).
 *
 * It writes a MyST project (myst.yml and the notebooks) into SRC_DIR, runs `myst build --html`
 * there, and moves the static site into OUT_DIR: index.html, a folder per lesson (`<slug>/index.html`),
 * the chart images and notebooks in build/, and the MyST JSON of every page.
 *
 * usage: node scripts/course-myst.mjs NOTEBOOKS_DIR SRC_DIR OUT_DIR
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT, run } from './lib.mjs';

const [notebooks, src, out] = process.argv.slice(2).map(p => p && resolve(p));
if (!notebooks || !src || !out) {
  console.error('usage: node scripts/course-myst.mjs NOTEBOOKS_DIR SRC_DIR OUT_DIR');
  process.exit(2);
}
const names = readdirSync(notebooks)
  .filter(name => name.endsWith('.ipynb'))
  .sort();
const index = JSON.parse(readFileSync(join(notebooks, names[0]), 'utf8'));
const authors = index.metadata?.authors?.map(author => `    - name: ${JSON.stringify(author.name)}`) ?? [];

rmSync(src, { recursive: true, force: true });
mkdirSync(src, { recursive: true });
for (const name of names) cpSync(join(notebooks, name), join(src, name));
// The first notebook (00-index) is the site's home page; the others follow in file order.
writeFileSync(
  join(src, 'myst.yml'),
  [
    'version: 1',
    'project:',
    `  title: ${JSON.stringify(index.metadata?.title ?? 'Course')}`,
    ...(authors.length ? ['  authors:', ...authors] : []),
    '  toc:',
    ...names.map(name => `    - file: ${name}`),
    'site:',
    `  template: ${JSON.stringify(join(ROOT, 'scripts', 'course-myst-theme'))}`,
    ''
  ].join('\n')
);
const env = { ...process.env };
// mystmd rewrites a HOST other than localhost (with a warning) and reads BASE_URL as the site's
// prefix: the course's pages use relative links, so neither is wanted here.
delete env.HOST;
delete env.BASE_URL;
// mystmd asks the npm registry for its newest version (for an upgrade notice) each time it starts:
// pointed at a closed local port, the build sends nothing off the machine.
env.npm_config_registry = 'http://127.0.0.1:9/';
run(process.execPath, [join(ROOT, 'node_modules', 'mystmd', 'dist', 'myst.cjs'), 'build', '--html'], {
  cwd: src,
  env
});
rmSync(out, { recursive: true, force: true });
renameSync(join(src, '_build', 'html'), out);
// mystmd only logs a page its site server failed to render, and exits 0: check every page is there.
const site = JSON.parse(readFileSync(join(out, 'config.json'), 'utf8'));
const pages = ['index.html', ...site.projects[0].pages.map(page => join(page.slug, 'index.html'))];
const missing = pages.filter(page => !existsSync(join(out, page)));
if (missing.length > 0) {
  console.error(
    `[coroutine-cells] course-myst: pages missing from the site (see the log above): ${missing.join(', ')}`
  );
  process.exit(1);
}
console.log(`[coroutine-cells] course-myst: ${pages.length} pages -> ${out}`);
