/**
 * Main-thread memory per re-run of a chart cell (issue 9, finding 12), measured in Chromium with
 * the DevTools protocol: the JS heap after a forced garbage collection, before and after re-running
 * the same cell many times. Figures are printed (the README quotes them); the bound is generous:
 * it fails when every run's Vega view is kept alive (as JupyterLab's renderer did, see safe-vega.ts).
 */
import { expect, test } from '@jupyterlab/galata';
import { execCommand, openNotebook, outputOf, promptOf, writeCoroutineNotebook } from './helpers';

test.use({ autoGoto: true });

async function heapAfterGc(page: any): Promise<number> {
  // Galata's page fixture is a proxy; the DevTools session needs the real Page.
  const real = page
    .context()
    .pages()
    .find((p: any) => p.url() === page.url());
  const cdp = await page.context().newCDPSession(real);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

async function rerun(page: any, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const before = await promptOf(page, 0).innerText();
    await page.notebook.selectCells(0);
    await execCommand(page, 'notebook:run-cell');
    await expect(promptOf(page, 0)).not.toHaveText(before);
    await expect(promptOf(page, 0)).not.toContainText('*');
    await expect(outputOf(page, 0).locator('.vega-embed svg, .vega-embed canvas').first()).toBeVisible();
  }
}

const CASES: Array<[string, string]> = [
  ['tiny chart', 'async function f() { await sleep(1); }\nawait gather(f(), f());'],
  [
    '1,000-task chart',
    'async function f(i: number) { await sleep(i % 7); }\nawait gather(...Array.from({ length: 1000 }, (_, i) => f(i)));'
  ],
  [
    'plain Vega-Lite display()',
    'display({ "application/vnd.vegalite.v5+json": { $schema: "https://vega.github.io/schema/vega-lite/v5.json", data: { values: [{ a: 1 }, { a: 2 }] }, mark: "bar", encoding: { x: { field: "a", type: "quantitative" } } } } as any);\nawait sleep(0);'
  ]
];

for (const [name, source] of CASES) {
  test(`main-thread memory per re-run: ${name}`, async ({ page, tmpPath }) => {
    const path = `${tmpPath}/memory.ipynb`;
    writeCoroutineNotebook(path, [
      { type: 'coroutine', source: `// @coroutine-cells chart=${name.startsWith('plain') ? 'off' : 'on'}\n${source}` }
    ]);
    await openNotebook(page, path);
    await rerun(page, 3);
    const start = await heapAfterGc(page);
    const runs = 20;
    await rerun(page, runs);
    const end = await heapAfterGc(page);
    const perRun = (end - start) / runs;
    console.log(
      `memory ${name}: ${(start / 1e6).toFixed(1)} MB -> ${(end / 1e6).toFixed(1)} MB after ${runs} re-runs, ${(perRun / 1e3).toFixed(0)} KB per run`
    );
    // Before the fix in safe-vega.ts: 1,141 KB (tiny chart), 2,701 KB (1,000 tasks), 289 KB (plain display()).
    expect(perRun).toBeLessThan(400_000);
  });
}
