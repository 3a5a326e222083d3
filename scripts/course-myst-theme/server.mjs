/**
 * The site server mystmd starts for `myst build --html` (and `myst start`): it reads the site's
 * config and pages from mystmd's content server (CONTENT_CDN_PORT) and serves each page as static
 * HTML (render.mjs); `myst build --html` saves what it serves. It fetches nothing else: no theme,
 * no font, no script.
 *
 * Routes: `/` the index page, `/<slug>` a page, `/<slug>.json` its MyST JSON, `/build/<file>` the
 * site's files (images, notebooks), and the theme's own files in public/.
 */
/* global fetch -- Node 20's */
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPage } from './render.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const contentPort = Number(process.env.CONTENT_CDN_PORT ?? 3100);
const content = `http://localhost:${contentPort}`;
const port = Number(process.env.PORT ?? 3000);
const TYPES = { '.css': 'text/css', '.png': 'image/png', '.json': 'application/json', '.ipynb': 'application/json' };

/** Fetches from mystmd's content server. */
async function fromContent(path) {
  const response = await fetch(content + path);
  if (!response.ok) throw Object.assign(new Error(`${path}: ${response.status}`), { status: response.status });
  return response;
}

/** Answers one request. */
async function handle(url) {
  const path = decodeURIComponent(new URL(url, 'http://x').pathname).replace(/\/+$/, '') || '/';
  const local = join(HERE, 'public', path);
  if (path !== '/' && local.startsWith(join(HERE, 'public')) && existsSync(local) && extname(local)) {
    return { type: TYPES[extname(local)] ?? 'application/octet-stream', body: readFileSync(local) };
  }
  if (path === '/robots.txt') return { type: 'text/plain', body: 'User-agent: *\nAllow: /\n' };
  if (path === '/favicon.ico') return { type: 'image/x-icon', body: Buffer.alloc(0) };
  if (path === '/sitemap_style.xsl' || path === '/sitemap.xml') {
    return { type: 'application/xml', body: '<?xml version="1.0" encoding="UTF-8"?>\n<urlset/>\n' };
  }
  if (path.startsWith('/build/')) {
    const response = await fromContent(path.slice('/build'.length));
    return { type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
  }
  const site = await (await fromContent('/config.json')).json();
  const index = site.projects?.[0]?.index ?? 'index';
  if (path.endsWith('.json')) {
    return { type: 'application/json', body: await (await fromContent(`/content${path}`)).text() };
  }
  const slug = path === '/' ? index : path.slice(1);
  const page = await (await fromContent(`/content/${slug}.json`)).json();
  return { type: 'text/html; charset=utf-8', body: renderPage(site, page, path === '/' ? 0 : 1) };
}

const server = createServer((request, response) => {
  handle(request.url).then(
    ({ type, body }) => {
      response.writeHead(200, { 'content-type': type });
      response.end(body);
    },
    error => {
      response.writeHead(error.status === 404 ? 404 : 500, { 'content-type': 'text/plain' });
      response.end(String(error.message));
      if (error.status !== 404) console.error(`[course theme] ${request.url}: ${error.stack}`);
    }
  );
});
// mystmd waits for a line with the address before it crawls the pages.
server.listen(port, 'localhost', () => console.log(`course theme serving http://localhost:${port}`));

// mystmd exits after `myst build --html` without always stopping this server (it was left running
// after every build): stop as soon as mystmd's content server no longer accepts connections.
const watch = setInterval(() => {
  const socket = connect(contentPort, 'localhost');
  socket.on('connect', () => socket.destroy());
  socket.on('error', () => {
    clearInterval(watch);
    server.close();
    process.exit(0);
  });
}, 1000);
