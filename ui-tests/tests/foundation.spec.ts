/**
 * The foundation's vertical slice in real Chromium against a real JupyterLab: a coroutine cell
 * runs through this extension's cell executor in a Web Worker, a Python cell on ipykernel.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@jupyterlab/galata';
import {
  execCommand,
  openNotebook,
  outputOf,
  promptOf,
  readNotebook,
  runCellAt,
  startCommand,
  streamText,
  writeNotebook
} from './helpers';

const SEED = readFileSync(resolve(__dirname, '../../tests/fixtures/seed-example.ts'), 'utf8');
const SEED_OUTPUT = readFileSync(resolve(__dirname, '../../tests/fixtures/seed-example.out'), 'utf8');

test.use({ autoGoto: true });

test('Run All runs the seed coroutine cell in the worker and the Python cell on its kernel; save keeps both', async ({
  page,
  tmpPath
}) => {
  const path = `${tmpPath}/seed.ipynb`;
  writeNotebook(path, [
    { type: 'coroutine', source: SEED },
    { type: 'python', source: 'import sys\nprint("python says", 6 * 7, sys.version_info[0])' }
  ]);
  await openNotebook(page, path);
  await execCommand(page, 'notebook:run-all-cells');

  await expect(outputOf(page, 0)).toContainText("Results: [ 'Task 1 result', 'Task 2 result' ]");
  await expect(outputOf(page, 1)).toContainText('python says 42 3');
  await expect(promptOf(page, 0)).toHaveText('[1]:');

  await execCommand(page, 'docmanager:save');
  await expect.poll(() => streamText(readNotebook(path).cells[1]), { timeout: 15_000 }).toContain('python says 42 3');
  const saved = readNotebook(path);
  expect(streamText(saved.cells[0])).toBe(SEED_OUTPUT);
  expect(saved.cells[0].execution_count).toBe(1);
  expect(saved.cells[0].metadata['coroutine-cells']).toEqual({});
});

test('running a coroutine cell again replaces its outputs and advances the count', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/rerun.ipynb`;
  // It sleeps, so it has a chart (chart=auto leaves print-only cells without one).
  writeNotebook(path, [{ type: 'coroutine', source: 'print("once");\nawait sleep(1);' }]);
  await openNotebook(page, path);
  await execCommand(page, 'notebook:run-all-cells');
  await expect(promptOf(page, 0)).toHaveText('[1]:');
  await execCommand(page, 'notebook:run-all-cells');
  await expect(promptOf(page, 0)).toHaveText('[2]:');
  await expect(outputOf(page, 0).locator('.jp-RenderedText')).toHaveText(['once']);
  await expect(outputOf(page, 0).locator('.vega-embed')).toHaveCount(1);
});

test('the prompt shows [*] while a coroutine cell runs', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/busy.ipynb`;
  writeNotebook(path, [
    { type: 'coroutine', source: '// @coroutine-cells clock=real\nawait sleep(2);\nprint("slept")' }
  ]);
  await openNotebook(page, path);
  await startCommand(page, 'notebook:run-all-cells');
  await expect(promptOf(page, 0)).toHaveText('[*]:');
  await expect(outputOf(page, 0)).toContainText('slept');
  await expect(promptOf(page, 0)).toHaveText('[1]:');
});

test('a syntax error names its line, and the next cell still runs', async ({ page, tmpPath }) => {
  const path = `${tmpPath}/syntax.ipynb`;
  writeNotebook(path, [
    { type: 'coroutine', source: 'print("fine");\nconst x = ;\n' },
    { type: 'coroutine', source: 'print("next cell ran")' }
  ]);
  await openNotebook(page, path);
  await execCommand(page, 'notebook:run-all-cells');
  const error = outputOf(page, 0).locator('.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]');
  await expect(error).toContainText('SyntaxError');
  await expect(error).toContainText('line 2');
  // Nothing of the failed cell ran: no printed output.
  await expect(outputOf(page, 0).locator('[data-mime-type="application/vnd.jupyter.stdout"]')).toHaveCount(0);
  // Run All stops at the error, like a kernel; running the next cell on its own works.
  await runCellAt(page, 1);
  await expect(outputOf(page, 1)).toContainText('next cell ran');
});
