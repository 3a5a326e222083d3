/**
 * Issue 15, item 7: a cell that runs longer than half a second shows its progress under it while
 * it runs (a real-clock cell's chart grows; a virtual-clock run says the virtual time, tasks and
 * steps), replaced by the final chart when it ends, removed by an interrupt, and never saved.
 */
import { expect, test } from '@jupyterlab/galata';
import { execCommand, openNotebook, outputOf, readNotebook, startCommand, writeNotebook } from './helpers';
import { SCREENSHOTS } from '../suite-config';

const PROGRESS = '.jp-CoroutineCells-progress';

/** A real-clock cell of about 4 s that starts a task every 0.25 s. */
const REAL_CLOCK_CELL = `// @coroutine-cells clock=real
async function worker(i: number) { await sleep(0.4); }
const tasks: Task<void>[] = [];
for (let i = 1; i <= 16; i++) {
  tasks.push(createTask(worker(i)));
  await sleep(0.25);
}
const done = await gather(...tasks);`;

/** A virtual-clock cell that keeps the scheduler busy for about 2.5 s of real time. */
const VIRTUAL_CELL = `const t0 = performance.now();
async function spin(i: number) { while (performance.now() - t0 < 2500) await sleep(0.001); }
await gather(spin(1), spin(2), spin(3));`;

/** A cell that runs until interrupted. */
const ENDLESS_CELL = `// @coroutine-cells clock=real
while (true) await sleep(0.05);`;

test.describe('live progress', () => {
  test.use({ autoGoto: true });

  test("a real-clock cell's chart grows while it runs, the final chart replaces it, and nothing of it is saved", async ({
    page,
    tmpPath
  }) => {
    const path = `${tmpPath}/live-real.ipynb`;
    writeNotebook(path, [{ type: 'coroutine', source: REAL_CLOCK_CELL }]);
    await openNotebook(page, path);
    await startCommand(page, 'notebook:run-all-cells');

    const cell = page.locator('.jp-Notebook .jp-Cell').first();
    const live = cell.locator(PROGRESS);
    await expect(live.locator('svg.marks')).toBeVisible({ timeout: 10_000 });
    // The page stays responsive while the chart is redrawn: the longest delay of a 50 ms timer
    // (from the first live chart on: loading Vega itself is a one-off cost of the first chart).
    await page.evaluate(() => {
      const w = window as any;
      w.__lag = { max: 0, last: performance.now(), redraws: 0, start: performance.now() };
      // Each redraw puts a new SVG into the live view.
      w.__redraws = new MutationObserver(records => {
        for (const r of records) {
          for (const n of r.addedNodes) if (n instanceof Element && n.querySelector('svg.marks')) w.__lag.redraws++;
        }
      });
      w.__redraws.observe(document.querySelector('.jp-CoroutineCells-progress') as Node, {
        childList: true,
        subtree: true
      });
      w.__lagTimer = setInterval(() => {
        const now = performance.now();
        w.__lag.max = Math.max(w.__lag.max, now - w.__lag.last - 50);
        w.__lag.last = now;
      }, 50);
    });
    await expect(live).toContainText(/Running… \d+\.\d+ s of real time · \d+ tasks? alive · [\d,]+ steps/);
    // The chart's bars (Vega's rect marks) and its title, at two moments.
    const bars = () => live.locator('svg g.mark-rect path').count();
    const title = async () => (await live.locator('svg.marks').first().textContent()) ?? '';
    await expect.poll(bars).toBeGreaterThan(0);
    const first = await bars();
    const firstTasks = Number(/Running: (\d+) tasks/.exec(await title())?.[1]);
    expect(firstTasks).toBeGreaterThan(0);
    // Saved while it runs: the file holds no progress.
    await execCommand(page, 'docmanager:save');
    await page.waitForTimeout(1_000);
    await expect.poll(bars).toBeGreaterThan(first);
    expect(Number(/Running: (\d+) tasks/.exec(await title())?.[1])).toBeGreaterThan(firstTasks);
    await cell.screenshot({ path: `${SCREENSHOTS}/live-progress.png` });
    const { lag, perSecond } = await page.evaluate(() => {
      const w = window as any;
      clearInterval(w.__lagTimer);
      w.__redraws.disconnect();
      return { lag: w.__lag.max as number, perSecond: w.__lag.redraws / ((performance.now() - w.__lag.start) / 1000) };
    });
    console.log(
      `live progress: ${perSecond.toFixed(1)} redraws/s; longest main-thread delay meanwhile: ${Math.round(lag)} ms`
    );
    expect(perSecond).toBeGreaterThan(1);
    expect(lag).toBeLessThan(500);
    const savedWhileRunning = JSON.stringify(readNotebook(path));
    expect(savedWhileRunning).not.toContain('Running');
    expect(savedWhileRunning).not.toContain('alive');

    // The end: the live view goes, the final chart is in the outputs.
    await expect(live).toHaveCount(0, { timeout: 15_000 });
    const chart = outputOf(page, 0).locator('.vega-embed svg.marks');
    await expect(chart).toBeVisible();
    await expect.poll(async () => (await chart.textContent()) ?? '').toContain('Completed: 17 tasks');

    await execCommand(page, 'docmanager:save');
    await expect
      .poll(() => (readNotebook(path).cells[0].outputs as any[]).some(o => o.data?.['image/png']), { timeout: 20_000 })
      .toBe(true);
    const outputs = readNotebook(path).cells[0].outputs as any[];
    expect(outputs).toHaveLength(1);
    expect(outputs[0].output_type).toBe('display_data');
    const saved = JSON.stringify(readNotebook(path));
    expect(saved).not.toContain('Running');
    expect(saved).not.toContain('tasks alive');
  });

  test('a long virtual-clock run shows the virtual time, tasks and steps; an interrupted run removes its progress', async ({
    page,
    tmpPath
  }) => {
    const path = `${tmpPath}/live-virtual.ipynb`;
    writeNotebook(path, [
      { type: 'coroutine', source: VIRTUAL_CELL },
      { type: 'coroutine', source: ENDLESS_CELL }
    ]);
    await openNotebook(page, path);
    await page.theme.setDarkTheme();
    await expect(page.locator('body')).toHaveAttribute('data-jp-theme-light', 'false');
    await startCommand(page, 'notebook:run-all-cells');

    const first = page.locator('.jp-Notebook .jp-Cell').nth(0).locator(PROGRESS);
    await expect(first).toContainText(/Running… virtual time [\d.,]+ s · 4 tasks alive · [\d,]+ steps/, {
      timeout: 10_000
    });
    // The line follows the theme (JupyterLab's CSS variables): light text on the dark theme.
    const color = await first.locator('.jp-CoroutineCells-progress-line').evaluate(n => getComputedStyle(n).color);
    const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
    expect((r + g + b) / 3).toBeGreaterThan(128);
    const steps = async () => Number(/([\d,]+) steps/.exec((await first.textContent()) ?? '')?.[1].replace(/,/g, ''));
    const before = await steps();
    // The page stays responsive while the worker runs: the main thread answers at once.
    const lag = await page.evaluate(
      () =>
        new Promise<number>(resolve => {
          const start = performance.now();
          setTimeout(() => resolve(performance.now() - start), 0);
        })
    );
    expect(lag).toBeLessThan(250);
    await expect.poll(steps).toBeGreaterThan(before);
    expect(await first.locator('svg.marks').count()).toBe(0);
    await expect(first).toHaveCount(0, { timeout: 15_000 });
    await expect(outputOf(page, 0).locator('.vega-embed svg.marks')).toBeVisible();

    // The second cell runs until interrupted; its progress goes with it.
    const second = page.locator('.jp-Notebook .jp-Cell').nth(1).locator(PROGRESS);
    await expect(second.locator('svg.marks')).toBeVisible({ timeout: 10_000 });
    await page
      .locator('.jp-Notebook .jp-Cell')
      .nth(1)
      .screenshot({ path: `${SCREENSHOTS}/live-progress-dark.png` });
    await execCommand(page, 'coroutine-cells:interrupt-runtime');
    await expect(outputOf(page, 1)).toContainText('KeyboardInterrupt', { timeout: 10_000 });
    await expect(second).toHaveCount(0);
    await page.theme.setLightTheme();
  });
});
