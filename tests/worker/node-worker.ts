/**
 * Runs the real worker entry (src/worker/index.ts) in a Node worker_thread: esbuild bundles it
 * with a banner that gives the thread a Web Worker's postMessage/addEventListener, and an
 * adapter makes the Node Worker look like a browser Worker to the RuntimeClient.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RuntimeWorker, RuntimeWorkerFactory } from '../../src/runtime/runtime-client';

const ROOT = resolve(__dirname, '../..');

const BANNER = `import { parentPort as __cc_port } from 'node:worker_threads';
globalThis.self = globalThis;
// As a Web Worker's close(): the thread ends and the page gets no event.
globalThis.close = () => process.exit(0);
globalThis.postMessage = message => __cc_port.postMessage(message);
globalThis.addEventListener = (type, listener) => {
  if (type === 'message') __cc_port.on('message', data => listener({ data }));
};`;

function sourceHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(ROOT, 'src'));
  return hash.digest('hex').slice(0, 16);
}

/** Bundles the worker entry for worker_threads (cached by a hash of src/); returns its path. */
export async function bundleWorker(): Promise<string> {
  const dir = join(ROOT, 'node_modules/.cache/coroutine-cells');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `test-worker-${sourceHash()}.mjs`);
  if (existsSync(outfile)) return outfile;
  // Build under a temporary name, then rename: concurrent test runs never read half a file.
  const temporary = `${outfile}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [join(ROOT, 'src/worker/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    banner: { js: BANNER },
    outfile: temporary,
    logLevel: 'error'
  });
  renameSync(temporary, outfile);
  return outfile;
}

/** A RuntimeWorkerFactory over Node worker_threads; `created` counts the workers made. */
export function nodeWorkerFactory(file: string): RuntimeWorkerFactory & { created: number; live: Set<Worker> } {
  const live = new Set<Worker>();
  const factory = Object.assign(
    (): RuntimeWorker => {
      factory.created++;
      const worker = new Worker(file);
      live.add(worker);
      worker.on('exit', () => live.delete(worker));
      const adapter: RuntimeWorker = {
        onmessage: null,
        onerror: null,
        postMessage: message => worker.postMessage(message),
        terminate: () => worker.terminate()
      };
      worker.on('message', data => adapter.onmessage?.({ data }));
      worker.on('error', error => adapter.onerror?.(error));
      return adapter;
    },
    { created: 0, live }
  );
  return factory;
}
