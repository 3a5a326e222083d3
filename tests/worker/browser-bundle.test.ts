/**
 * The worker bundled for the browser by the project's build (scripts/build-worker.mjs: IIFE,
 * minified with class names kept, Node built-ins external) runs in a context with only a Web Worker's
 * globals: no process, no require, no setImmediate.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CELL_OPTIONS, type FromRuntime, type NbOutput, type ToRuntime } from '../../src/protocol';

const ROOT = resolve(__dirname, '../..');
let bundle = '';

beforeAll(async () => {
  const dir = join(ROOT, 'node_modules/.cache/coroutine-cells');
  mkdirSync(dir, { recursive: true });
  // The project's own worker build (scripts/build-worker.mjs), so its settings are what is tested;
  // a per-process file: concurrent test runs do not overwrite each other's bundle.
  const outfile = join(dir, `test-browser-worker-${process.pid}.js`);
  const { buildWorker } = await import(pathToFileURL(join(ROOT, 'scripts/build-worker.mjs')).href);
  await buildWorker(outfile);
  bundle = readFileSync(outfile, 'utf8');
  rmSync(outfile, { force: true });
}, 120_000);

/** Loads the bundle in a fresh context that has only a worker's globals. */
function startWorkerContext() {
  const listeners: Array<(event: { data: ToRuntime }) => void> = [];
  const inbox: FromRuntime[] = [];
  let notify = () => {};
  const context: Record<string, unknown> = {
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    performance,
    console,
    TextEncoder,
    TextDecoder,
    queueMicrotask,
    structuredClone,
    URL,
    postMessage: (message: FromRuntime) => {
      inbox.push(structuredClone(message));
      notify();
    },
    addEventListener: (type: string, listener: (event: { data: ToRuntime }) => void) => {
      if (type === 'message') listeners.push(listener);
    }
  };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(bundle, context, { filename: 'coroutine-worker.bundle.js' });
  const run = (source: string, requestId: string) =>
    new Promise<{ status: string; outputs: NbOutput[] }>(resolve => {
      const outputs: NbOutput[] = [];
      notify = () => {
        for (const message of inbox.splice(0)) {
          if (message.type === 'output' && message.requestId === requestId) outputs.push(message.output);
          if (message.type === 'done' && message.requestId === requestId) resolve({ status: message.status, outputs });
        }
      };
      const options = { ...DEFAULT_CELL_OPTIONS, chart: { ...DEFAULT_CELL_OPTIONS.chart, enabled: false } };
      for (const listener of listeners) {
        listener({ data: { type: 'run-cell', requestId, source, cellLabel: 'cell[1]', executionCount: 1, options } });
      }
    });
  return { inbox, run, hasProcess: vm.runInContext('typeof process', context) };
}

describe('the browser worker bundle', () => {
  it("says ready and runs cells with only a Web Worker's globals", async () => {
    const worker = startWorkerContext();
    expect(worker.hasProcess).toBe('undefined');
    // 'ready' comes once the compiler is warm.
    expect(worker.inbox[0]).toEqual({ type: 'ready' });
    const result = await worker.run(
      'async function f() { await sleep(2); return "ok"; }\nprint(await f(), now());',
      'r1'
    );
    expect(result).toEqual({ status: 'ok', outputs: [{ output_type: 'stream', name: 'stdout', text: 'ok 2\n' }] });
  });

  it('keeps the error class names (keepNames) and maps tracebacks to the cell', async () => {
    const worker = startWorkerContext();
    const result = await worker.run(
      'const t = createTask(sleep(5));\nawait sleep(1);\nt.cancel();\ntry { await t; } catch (e) { print((e as Error).name); }\nthrow new ValueError("bad");',
      'r2'
    );
    expect(result.outputs[0]).toEqual({ output_type: 'stream', name: 'stdout', text: 'CancelledError\n' });
    const error = result.outputs[1] as Extract<NbOutput, { output_type: 'error' }>;
    expect(error.ename).toBe('ValueError');
    expect(error.traceback.join('\n')).toContain('line \x1b[0;32m5\x1b[0m');
  });
});
