/**
 * Renders one page of a MyST site (the JSON mystmd writes to _build/site/content) to a static HTML
 * page: myst-to-html for the text, lowlight (highlight.js) for the code in the notebook's language,
 * and notebook outputs as HTML — a chart is its PNG with the alt text the notebook stored
 * (`metadata["image/png"].alt`), so it is visible with no JavaScript.
 *
 * Links and images are relative to the page, so the built folder works from any URL or from disk.
 */
import { toHtml } from 'hast-util-to-html';
import { common, createLowlight } from 'lowlight';
import { mystToHast } from 'myst-to-html';

const lowlight = createLowlight(common);

/** hast element helper. */
function el(tagName, properties, children = []) {
  return { type: 'element', tagName, properties, children };
}
/** hast text helper. */
function text(value) {
  return { type: 'text', value };
}

/** Removes terminal colour codes (tracebacks in error outputs carry them). */
function stripAnsi(value) {
  // eslint-disable-next-line no-control-regex -- matching the escape character is the point
  return value.replace(/\u001b\[[0-9;]*m/g, '');
}

/** A code cell or code block, highlighted as its language when highlight.js knows it. */
function codeHandler(_h, node) {
  const lang = node.lang && lowlight.registered(node.lang) ? node.lang : undefined;
  const value = node.value ?? '';
  const children = lang ? lowlight.highlight(lang, value).children : [text(value)];
  const className = ['hljs', ...(node.lang ? [`language-${node.lang}`] : [])];
  return el('pre', { className: ['code'] }, [el('code', { className }, children)]);
}

/** Makes the output handler of one page: `assets` is the relative path of the site's files. */
function outputHandler(assets) {
  return (_h, node) => {
    const output = node.jupyter_data ?? {};
    if (output.output_type === 'stream') {
      return el('pre', { className: ['stream', output.name ?? 'stdout'] }, [text(output.text ?? '')]);
    }
    if (output.output_type === 'error') {
      // mystmd stores the traceback as one string; the notebook format as a list of lines.
      const lines = Array.isArray(output.traceback) ? output.traceback.join('\n') : (output.traceback ?? '');
      const traceback = stripAnsi(lines) || `${output.ename}: ${output.evalue}`;
      return el('pre', { className: ['error'] }, [text(traceback)]);
    }
    const data = output.data ?? {};
    const png = data['image/png'];
    if (png?.path) {
      // The notebook's alt text; without it the plain-text rendering is the best description there is.
      const alt = output.metadata?.['image/png']?.alt ?? data['text/plain']?.content ?? 'output image';
      return el('img', { src: assets + png.path.replace(/^\//, ''), alt, className: ['output-image'] });
    }
    const plain = data['text/plain']?.content;
    return plain === undefined ? el('div', {}) : el('pre', { className: ['text'] }, [text(plain)]);
  };
}

/** Escapes text for HTML. */
function escape(value) {
  return String(value).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/**
 * The HTML of one page. `site` is mystmd's config.json, `page` the page's content JSON, `depth` how
 * many folders below the site root the page is saved (the index 0, a lesson 1: `<slug>/index.html`).
 */
export function renderPage(site, page, depth) {
  const root = '../'.repeat(depth);
  const project = site.projects?.[0] ?? {};
  const output = outputHandler(`${root}build/`);
  // A cell's outputs, in one box under its code.
  const outputs = (h, node) =>
    el(
      'div',
      { className: ['outputs'] },
      (node.children ?? []).filter(child => child.type === 'output').map(child => output(h, child))
    );
  const hast = mystToHast({ handlers: { code: codeHandler, output, outputs } })(page.mdast);
  const frontmatter = page.frontmatter ?? {};
  const title = frontmatter.title ?? page.slug;
  const authors = (frontmatter.authors ?? []).map(author => author.name).filter(Boolean);
  const pages = [{ slug: project.index, title: project.title ?? 'Home', index: true }, ...(project.pages ?? [])];
  const toc = pages
    .filter(entry => entry.slug)
    .map(entry => {
      const href = entry.index ? `${root}index.html` : `${root}${entry.slug}/index.html`;
      const current = entry.slug === page.slug ? ' aria-current="page"' : '';
      return `<li><a href="${href}"${current}>${escape(entry.title ?? entry.slug)}</a></li>`;
    })
    .join('\n');
  const downloads = (frontmatter.exports ?? [])
    .filter(item => item.url)
    .map(item => `<a href="${root}build/${item.url.replace(/^\//, '')}">${escape(item.filename ?? item.format)}</a>`)
    .join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} — ${escape(project.title ?? '')}</title>
<link rel="stylesheet" href="${root}myst-theme.css">
</head>
<body>
<nav class="toc" aria-label="Lessons"><a href="${root}index.html">${escape(project.title ?? '')}</a>
<ol>
${toc}
</ol></nav>
<main>
<h1>${escape(title)}</h1>
${authors.length ? `<p class="authors">${authors.map(escape).join(', ')}</p>` : ''}
${downloads ? `<p class="download">Download: ${downloads}</p>` : ''}
${toHtml(hast)}
</main>
</body>
</html>
`;
}
