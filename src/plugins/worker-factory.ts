import type { RuntimeWorker } from '../runtime/runtime-client';

/**
 * Creates the coroutine runtime's Web Worker. The worker is a self-contained bundle (esbuild,
 * scripts/build-worker.mjs) emitted by the labextension build as a plain asset, so it shares no
 * JupyterLab/Lumino module and is only downloaded when the first coroutine cell runs.
 */
export function createRuntimeWorker(): RuntimeWorker {
  const url = new URL('../coroutine-worker.bundle.js', import.meta.url);
  // A browser Worker has all RuntimeWorker needs; its event types are only wider.
  return new Worker(url, { name: 'coroutine-cells-runtime' }) as unknown as RuntimeWorker;
}
