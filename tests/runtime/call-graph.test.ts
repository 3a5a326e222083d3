// The await graph of cells: printCallGraph / captureCallGraph with cell lines, and deadlocks that name their cycle.
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source';

const run = (source: string) => runSource(source, { chart: { enabled: false } });
const errorText = (outputs: { output_type: string }[]) =>
  outputs
    .filter((o): o is { output_type: 'error'; evalue: string } => o.output_type === 'error')
    .map(o => o.evalue)
    .join('\n');

describe('the await graph', () => {
  it("printCallGraph() shows the current task's coroutines with their lines, and who awaits it through a gather", async () => {
    const result = await run(`async function leaf() {
  printCallGraph();
  await sleep(1);
}
async function worker() {
  await leaf();
}
const t = createTask(worker(), { name: 'w' });
await gather(t);`);
    expect(result.status).toBe('ok');
    expect(result.stdout).toBe(
      "* Task(name='w', id=1)\n" +
        '  + Call stack:\n' +
        '  |   cell[1], line 2, in leaf(): printCallGraph();\n' +
        '  |   cell[1], line 6, in worker(): await leaf();\n' +
        '  + Awaited by:\n' +
        '    * Future(gather#1)\n' +
        '      + Awaited by:\n' +
        "        * Task(name='cell[1]', id=0)\n" +
        '          + Call stack:\n' +
        '          |   cell[1], line 9, in cell[1](): await gather(t);\n'
    );
  });

  it("captureCallGraph(task) of a TaskGroup child is awaited by the group's parent", async () => {
    const result = await run(`async function child() { await sleep(2); }
async function main() {
  await using tg = new TaskGroup();
  const c = tg.createTask(child(), { name: 'child' });
  await sleep(1);
  const g = captureCallGraph(c)!;
  print(g.callStack.map(f => f.location + ' ' + f.code).join(' | '));
  print(g.awaitedBy.map(a => a.future.getName()).join(','));
}
await main();`);
    expect(result.status).toBe('ok');
    expect(result.stdout).toBe('cell[1], line 1 async function child() { await sleep(2); }\ncell[1]\n');
  });

  it('a deadlock error names the cycle of tasks awaiting each other and draws the await tree; cleanup still ends', async () => {
    const result = await run(`let a: any, b: any;
async function first() { await sleep(1); await b; }
async function second() { await sleep(1); await a; }
a = createTask(first(), { name: 'first' });
b = createTask(second(), { name: 'second' });
await gather(a, b);`);
    expect(result.status).toBe('error');
    const text = errorText(result.outputs);
    expect(text).toContain('cycle: first → second → first (these tasks await each other, so none can finish)');
    expect(text).toContain("├── first — waits on task 'second' at cell[1], line 2:");
    expect(text).toContain("│   └── second — waits on task 'first' at cell[1], line 3:");
    // The cancellation at the end breaks the cycle instead of recursing forever.
    expect(result.stderr).not.toContain('internal scheduler error');
    expect(result.stderr).not.toContain('abandoned');
  });

  it('checks its arguments', async () => {
    const result = await run('captureCallGraph(42 as any)');
    expect(errorText(result.outputs)).toContain('captureCallGraph(): future must be a Task or Future, got 42');
    const bad = await run('printCallGraph(null, { limit: -1 })');
    expect(errorText(bad.outputs)).toContain('printCallGraph(): limit must be an integer >= 0, got -1');
  });
});
