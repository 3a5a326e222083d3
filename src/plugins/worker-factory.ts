import type { RuntimeWorker } from '../runtime/runtime-client';
import { FramedRuntimeWorker } from './runtime-frame';

/**
 * Creates the coroutine runtime's Web Worker. The worker is a self-contained bundle (esbuild,
 * scripts/build-worker.mjs) emitted by the labextension build as a plain asset, so it shares no
 * JupyterLab/Lumino module and is only downloaded when the first coroutine cell runs. It is
 * created inside a hidden sandboxed iframe (runtime-frame.ts), which Chromium runs in a process of
 * its own: a cell that fills the worker's memory ends that process, not the tab.
 */
export function createRuntimeWorker(): RuntimeWorker {
  const url = new URL('../coroutine-worker.bundle.js', import.meta.url);
  const name = 'coroutine-cells-runtime';
  if (typeof document !== 'undefined' && document.body) return new FramedRuntimeWorker(url, name);
  // A browser Worker has all RuntimeWorker needs; its event types are only wider.
  return new Worker(url, { name }) as unknown as RuntimeWorker;
}
