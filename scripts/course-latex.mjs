/**
 * The tools of the course's LaTeX PDF (`nbconvert --to pdf`): xelatex and the fonts nbconvert's
 * LaTeX template uses, pandoc (nbconvert converts Markdown cells with it) and pdftotext (the tests
 * read the PDFs back). On Debian they are the packages below, about 3 minutes to install.
 */
import { spawnSync } from 'node:child_process';
import { step } from './lib.mjs';

/** Debian packages that provide the tools. */
export const LATEX_PACKAGES = [
  'texlive-xetex',
  'texlive-fonts-recommended',
  'texlive-plain-generic',
  'pandoc',
  'poppler-utils'
];
const TOOLS = ['xelatex', 'pandoc', 'pdftotext'];

/** The tools that are not on PATH. */
export function missingLatexTools() {
  return TOOLS.filter(tool => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
}

/** Installs the packages with apt-get when a tool is missing and we are root; else stops with what to install. */
export function ensureLatex() {
  if (missingLatexTools().length === 0) {
    return;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (isRoot && hasApt) {
    step(`installing LaTeX for the course's PDF (apt-get install ${LATEX_PACKAGES.join(' ')}; about 3 minutes)`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...LATEX_PACKAGES]]) {
      if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) {
        break;
      }
    }
  }
  const missing = missingLatexTools();
  if (missing.length > 0) {
    console.error(
      `[coroutine-cells] ${missing.join(', ')} missing for the course's LaTeX PDF: install them ` +
        `(e.g. \`sudo apt-get install ${LATEX_PACKAGES.join(' ')}\`), then run the command again.`
    );
    process.exit(1);
  }
}
