import type { LanguageWorker } from '../language/language-client';

/**
 * Creates the TypeScript language worker: a self-contained bundle (esbuild,
 * scripts/build-language-worker.mjs) emitted as a plain asset, downloaded when a coroutine cell
 * first gets the focus or completion is asked, or a few idle seconds after such a notebook opened.
 */
export function createLanguageWorker(): LanguageWorker {
  const url = new URL('../language-worker.bundle.js', import.meta.url);
  return new Worker(url, { name: 'coroutine-cells-language' }) as unknown as LanguageWorker;
}
