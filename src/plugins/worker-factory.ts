/**
 * Creates the coroutine runtime's Web Worker. The worker is a self-contained bundle (esbuild,
 * scripts/build-worker.mjs) emitted by the labextension build as a plain asset, so it shares no
 * JupyterLab/Lumino module and is only downloaded when the first coroutine cell runs.
 */
export function createRuntimeWorker(): Worker {
  const url = new URL('../coroutine-worker.bundle.js', import.meta.url);
  return new Worker(url, { name: 'coroutine-cells-runtime' });
}
