import { describe, expect, it } from 'vitest';
import { runSource } from './run-source';

const run = (source: string) => runSource(source, { chart: { enabled: false } });

describe('coroutine semantics in cells', () => {
  it('calling an async function runs nothing (lazy coroutine) and is reported as never awaited', async () => {
    const result = await run(
      `async function task1() { print("task1 ran"); }
const c = task1();
print("created", c instanceof Coroutine === false ? "?" : "");`.replace(
        'c instanceof Coroutine === false ? "?" : ""',
        'typeof c'
      )
    );
    expect(result.stdout).toBe('created object\n');
    expect(result.stderr).toMatch(/task1.*never awaited/);
  });

  it('await coro() runs it inline in the current task; createTask runs it in a new task', async () => {
    const result = await run(`async function who() { return currentTask()!.getName(); }
async function main() {
  print("inline:", await who());
  print("task:", await createTask(who()));
}
await run(main());`);
    expect(result.stdout).toBe('inline: main\ntask: who\n');
  });

  it('cancellation throws CancelledError at the await and runs finally', async () => {
    const result = await run(`async function worker() {
  try { await sleep(10); print("not reached"); }
  catch (e) { print("caught", (e as Error).name); throw e; }
  finally { print("finally at", now()); }
}
const t = createTask(worker());
await sleep(1);
t.cancel();
try { await t; } catch (e) { print("main sees", (e as Error).name); }
print(t.cancelled());`);
    expect(result.stdout).toBe('caught CancelledError\nfinally at 1\nmain sees CancelledError\ntrue\n');
  });

  it('async arrows, methods, class members and for await work', async () => {
    const result = await run(`class Counter {
  n = 0;
  async add(d: number) { await sleep(d); this.n += d; return this.n; }
  twice = async (d: number) => { await this.add(d); return await this.add(d); };
}
const c = new Counter();
print(await c.twice(2), now());
async function* ticks(n: number) { for (let i = 0; i < n; i++) { await sleep(1); yield i; } }
const seen: number[] = [];
for await (const t of ticks(3)) seen.push(t);
print(seen, now());`);
    expect(result.stdout).toBe('4 4\n[ 0, 1, 2 ] 7\n');
  });

  it('awaiting an outside Promise suspends the task until it settles', async () => {
    const result =
      await run(`const value = await new Promise<string>(resolve => setTimeout(() => resolve("outside"), 20));
print(value, now());`);
    expect(result.stdout).toBe('outside 0\n');
  });

  it('prints from an outside callback while the cell waits still reach the cell output', async () => {
    const result = await run(`print("before");
await new Promise(resolve => setTimeout(() => { print("from the timer"); console.warn("warned"); resolve(1); }, 10));
print("after");`);
    expect(result.stdout).toBe('before\nfrom the timer\nafter\n');
    expect(result.stderr).toBe('warned\n');
  });

  it('top-level await works and the last expression is the execute_result', async () => {
    const result = await run('await sleep(2);\nnow() * 10');
    const value = result.outputs.find(o => o.output_type === 'execute_result');
    expect(value).toEqual({
      output_type: 'execute_result',
      execution_count: 1,
      data: { 'text/plain': '20' },
      metadata: {}
    });
  });
});
