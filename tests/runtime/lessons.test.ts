import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source';
import { errorOf, plain } from './helpers';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures', name), 'utf8');
const SEED = fixture('seed-example.ts');
const SEED_OUTPUT = fixture('seed-example.out');

const run = (source: string) => runSource(source, { chart: { enabled: false } });

describe('seed lessons, translated to TypeScript', () => {
  it('the foundation example prints exactly the asyncio output', async () => {
    const result = await run(SEED);
    expect(result.status).toBe('ok');
    expect(result.stdout).toBe(SEED_OUTPUT);
    expect(result.stderr).toBe('');
  });

  it('sequential awaits take the sum of the times', async () => {
    const result =
      await run(`async function work(name: string, d: number) { await sleep(d); print(name, "done at", now()); }
async function main() { await work("a", 2); await work("b", 3); print("total", now()); }
await run(main());`);
    expect(result.stdout).toBe('a done at 2\nb done at 5\ntotal 5\n');
  });

  it('createTask runs the same work concurrently', async () => {
    const result =
      await run(`async function work(name: string, d: number) { await sleep(d); print(name, "done at", now()); }
async function main() {
  const a = createTask(work("a", 2));
  const b = createTask(work("b", 3));
  await a; await b;
  print("total", now());
}
await run(main());`);
    expect(result.stdout).toBe('a done at 2\nb done at 3\ntotal 3\n');
  });

  it('gather returns results in argument order; returnExceptions collects errors', async () => {
    const result = await run(`async function slow() { await sleep(2); return "slow"; }
async function fast() { await sleep(1); return "fast"; }
async function fails() { await sleep(1); throw new Error("boom"); }
print(await gather(slow(), fast()));
const mixed = await gather([slow(), fails()], { returnExceptions: true });
print(mixed[0], mixed[1] instanceof Error, (mixed[1] as Error).message);
print(now());`);
    expect(result.stdout).toBe("[ 'slow', 'fast' ]\nslow true boom\n4\n");
  });

  it('TaskGroup cancels the siblings of a failing task and raises an ExceptionGroup', async () => {
    const result = await run(`async function ok(d: number) {
  try { await sleep(d); print("ok", d); } finally { print("cleanup", d); }
}
async function bad() { await sleep(1); throw new Error("bad task"); }
try {
  await using tg = new TaskGroup();
  tg.createTask(ok(5));
  tg.createTask(bad());
} catch (e) {
  print((e as Error).name, (e as { exceptions: Error[] }).exceptions.map(x => x.message));
}
print("at", now());`);
    expect(errorOf(result.outputs) && plain(errorOf(result.outputs)!.traceback)).toBeUndefined();
    expect(result.stdout).toBe("cleanup 5\nExceptionGroup [ 'bad task' ]\nat 1\n");
  });

  it('timeout sees the body being cancelled as __aexit__ does and raises TimeoutError', async () => {
    const result = await run(`async function slow() {
  try { await sleep(10); } finally { print("slow cleaned up at", now()); }
}
try {
  await using t = timeout(2);
  await slow();
} catch (e) {
  print("caught", (e as Error).name, "at", now(), "expired:", true);
}
print(await waitFor(sleep(1, "in time"), 5));`);
    expect(result.stdout).toBe('slow cleaned up at 2\ncaught TimeoutError at 2 expired: true\nin time\n');
  });

  it('a top-level await using TaskGroup waits for its tasks when the cell body ends', async () => {
    const result = await run(`async function job(n: number) { await sleep(n); print("job", n, "done at", now()); }
await using tg = new TaskGroup();
tg.createTask(job(2));
tg.createTask(job(1));
print("body done at", now());`);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('body done at 0\njob 1 done at 1\njob 2 done at 2\n');
  });

  it('a failing top-level TaskGroup points at its await using line', async () => {
    const result = await run(`async function fails() { await sleep(1); throw new ValueError("boom"); }
await using tg = new TaskGroup();
tg.createTask(fails());`);
    const text = plain(errorOf(result.outputs)!.traceback);
    expect(text).toMatch(
      /^-+\nExceptionGroup +Traceback \(most recent call last\)\nCell cell\[1\], line 2, column 1\n/
    );
    expect(text).toContain('| Cell cell[1], line 1, column 48, in fails');
  });
});
