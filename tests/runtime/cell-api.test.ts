import { describe, expect, it } from 'vitest';
import { SCHEDULER_API_NAMES } from '../../src/runtime/cell-api';
import { notebook, streamText } from './helpers';

describe('the cell API', () => {
  it('every name of the cell API (docs/architecture.md) is predefined in cells and importable from coroutine-cells', async () => {
    const names = SCHEDULER_API_NAMES.filter(n => !['FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED'].includes(n));
    const nb = notebook();
    const result = await nb.run(
      `import { ${names.join(', ')}, print as p, display } from 'coroutine-cells';\n` +
        `const missing = [${names.map(n => `["${n}", typeof ${n}]`).join(', ')}].filter(([, t]) => t === "undefined");\n` +
        'p("missing:", missing.length === 0 ? "none" : missing.map(([n]) => n).join(", "), typeof display);'
    );
    expect(streamText(result.outputs, 'stdout')).toBe('missing: none function\n');
  });

  it('producer/consumer with Queue and a Lock, as in the synchronisation lesson', async () => {
    const nb = notebook();
    const result = await nb.run(`const q = new Queue<number>(2);
const lock = new Lock();
let total = 0;
async function producer() { for (let i = 1; i <= 4; i++) { await q.put(i); } }
async function consumer(name: string) {
  while (true) {
    const item = await q.get();
    await lock.acquire();
    try { await sleep(0.5); total += item; } finally { lock.release(); }
    q.taskDone();
  }
}
const consumers = [createTask(consumer("c1")), createTask(consumer("c2"))];
await producer();
await q.join();
for (const c of consumers) c.cancel();
print("total", total, "at", now());`);
    expect(streamText(result.outputs, 'stdout')).toBe('total 10 at 2\n');
    expect(result.status).toBe('ok');
  });
});
