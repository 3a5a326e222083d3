/**
 * The editor's client of the language worker, with the real worker entry (src/language/worker.ts)
 * in a Node worker_thread: answers, stale requests dropped, and a crashed worker replaced with a
 * note while the next request is answered by a new one.
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LanguageClient, type LanguageWorker } from '../../src/language/language-client';
import { languageFiles } from './helpers';

const ROOT = resolve(__dirname, '../..');
const BANNER = `import { parentPort as __lp, workerData as __ld } from 'node:worker_threads';
globalThis.self = globalThis;
globalThis.COROUTINE_CELLS_LANGUAGE_FILES = __ld;
globalThis.postMessage = message => __lp.postMessage(message);
__lp.on('message', data => globalThis.onmessage?.({ data }));`;

let file = '';
const workers = new Set<Worker>();

beforeAll(async () => {
  const dir = join(ROOT, 'node_modules/.cache/coroutine-cells');
  mkdirSync(dir, { recursive: true });
  file = join(dir, `test-language-worker-${process.pid}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'src/language/worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    banner: { js: BANNER },
    outfile: file,
    logLevel: 'error'
  });
});

afterAll(async () => {
  await Promise.all([...workers].map(w => w.terminate()));
  rmSync(file, { force: true });
});

/** A browser-Worker-like adapter over a worker_thread. */
function adapt(worker: Worker): LanguageWorker {
  workers.add(worker);
  return {
    postMessage: message => worker.postMessage(message),
    terminate: () => void worker.terminate(),
    addEventListener: (type: 'message' | 'error', listener: (event: any) => void) => {
      if (type === 'message') worker.on('message', data => listener({ data }));
      else worker.on('error', error => listener({ message: error.message }));
    }
  } as LanguageWorker;
}

const realWorker = (): LanguageWorker => adapt(new Worker(file, { workerData: languageFiles() }));

describe('LanguageClient with the language worker in a worker_thread', () => {
  it('answers diagnostics and completions for a notebook', async () => {
    const client = new LanguageClient(realWorker);
    const cells = [
      { id: 'a', source: 'async function fetchPage() {}' },
      { id: 'b', source: 'const n: number = "a";\nfetchP' }
    ];
    const problems = await client.ask('nb', cells, 'b', { kind: 'diagnostics' });
    expect(problems?.map(p => `${p.line}:${p.column} TS${p.code}`)).toEqual(['1:7 TS2322', '2:1 TS2304']);
    const list = await client.ask('nb', cells, 'b', { kind: 'completions', offset: cells[1].source.length });
    expect(list?.items.map(i => i.label)).toEqual(['fetchPage']);
    client.dispose();
  });

  it('drops a request superseded by a newer one of the same kind for the same cell', async () => {
    const client = new LanguageClient(realWorker);
    const cells = [{ id: 'a', source: 'gath' }];
    const first = client.ask('nb', cells, 'a', { kind: 'completions', offset: 4 });
    const second = client.ask('nb', cells, 'a', { kind: 'completions', offset: 4 });
    expect(await first).toBeNull();
    expect((await second)?.items.map(i => i.label)).toEqual(['gather']);
    client.dispose();
  });

  it('replaces a worker that crashed, with a note, and answers with a new one', async () => {
    const notes: string[] = [];
    let made = 0;
    const client = new LanguageClient(
      () => {
        made++;
        // The first worker crashes as it starts (a real uncaught error in a real thread).
        return made === 1 ? adapt(new Worker('throw new Error("boom")', { eval: true })) : realWorker();
      },
      reason => notes.push(reason)
    );
    const cells = [{ id: 'a', source: 'const x: string = 1;' }];
    await expect(client.ask('nb', cells, 'a', { kind: 'diagnostics' })).rejects.toThrow(
      'The TypeScript language worker was restarted: it crashed (boom).'
    );
    expect(notes).toEqual(['it crashed (boom)']);
    const problems = await client.ask('nb', cells, 'a', { kind: 'diagnostics' });
    expect(problems?.map(p => p.code)).toEqual([2322]);
    expect(made).toBe(2);
    client.dispose();
  });
});
