/** Helpers of the UI tests: fixture notebooks written to the server's root, and reading them back. */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IJupyterLabPageFixture } from '@jupyterlab/galata';

/** The folder the test server serves (set by playwright.config.ts). */
export const SERVER_ROOT = process.env.COROUTINE_CELLS_UI_ROOT as string;

/** A cell of a fixture notebook. */
export interface FixtureCell {
  type: 'coroutine' | 'python' | 'markdown';
  source: string;
}

/** Writes a notebook (python3 kernel, nbformat 4.5) to `path` under the server root. */
export function writeNotebook(path: string, cells: FixtureCell[]): void {
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)', language: 'python' }
    },
    cells: cells.map((cell, index) =>
      cell.type === 'markdown'
        ? { id: `cell-${index}`, cell_type: 'markdown', metadata: {}, source: cell.source }
        : {
            id: `cell-${index}`,
            cell_type: 'code',
            metadata: cell.type === 'coroutine' ? { 'coroutine-cells': {} } : {},
            source: cell.source,
            outputs: [],
            execution_count: null
          }
    )
  };
  const file = join(SERVER_ROOT, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(notebook, null, 1));
}

/** Reads a notebook back from disk, as saved by JupyterLab. */
export function readNotebook(path: string): any {
  return JSON.parse(readFileSync(join(SERVER_ROOT, path), 'utf8'));
}

/** The text of every stream output of a saved cell, joined. */
export function streamText(cell: any): string {
  return cell.outputs
    .filter((o: any) => o.output_type === 'stream')
    .map((o: any) => (Array.isArray(o.text) ? o.text.join('') : o.text))
    .join('');
}

/** Opens a notebook written with writeNotebook. */
export async function openNotebook(page: IJupyterLabPageFixture, path: string): Promise<void> {
  await page.filebrowser.refresh();
  await page.notebook.openByPath(path);
  await page.notebook.activate(path.split('/').pop() as string);
}

/** Runs a JupyterLab command by id. */
export async function execCommand(page: IJupyterLabPageFixture, id: string, args: object = {}): Promise<void> {
  await page.evaluate(({ id, args }) => (window as any).jupyterapp.commands.execute(id, args), { id, args });
}

/**
 * Runs the cell at `index` and waits until it finished. (Galata's runCell waits for a status bar
 * text "Idle", which this extension's runtime status item also shows.)
 */
export async function runCellAt(page: IJupyterLabPageFixture, index: number): Promise<void> {
  await page.notebook.selectCells(index);
  await execCommand(page, 'notebook:run-cell');
}

/** Starts a JupyterLab command without waiting for it to finish (e.g. to watch a cell run). */
export async function startCommand(page: IJupyterLabPageFixture, id: string, args: object = {}): Promise<void> {
  await page.evaluate(
    ({ id, args }) => {
      void (window as any).jupyterapp.commands.execute(id, args);
    },
    { id, args }
  );
}

/** The locator of the output area of the cell at `index` in the current notebook. */
export function outputOf(page: IJupyterLabPageFixture, index: number) {
  return page.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-OutputArea');
}

/** The locator of the input prompt ("[1]:", "[*]:") of the cell at `index`. */
export function promptOf(page: IJupyterLabPageFixture, index: number) {
  return page.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-InputPrompt');
}

// ---- Helpers of the cell-type, notebook and runtime-control specs (coroutine cells in the UI) ----

/** What a cell of the current notebook is, read from its model. */
export interface CellFacts {
  type: string;
  mimeType: string;
  metadata: unknown;
  executionCount: number | null;
}

/** Reads type, editor MIME type and coroutine metadata of the cell at `index` of the current notebook. */
export async function cellFacts(page: IJupyterLabPageFixture, index: number): Promise<CellFacts> {
  return page.evaluate(index => {
    const panel = (window as any).jupyterapp.shell.currentWidget;
    const model = panel.content.widgets[index].model;
    return {
      type: model.type,
      mimeType: model.mimeType,
      metadata: model.getMetadata('coroutine-cells') ?? null,
      executionCount: model.type === 'code' ? model.executionCount : null
    };
  }, index);
}

/** The badge of the cell at `index` ("TS coroutine · virtual"). */
export function badgeOf(page: IJupyterLabPageFixture, index: number) {
  return page.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-CoroutineCells-badge');
}

/** Sets a setting through JupyterLab's setting registry (as the Settings Editor does). */
export async function setSetting(
  page: IJupyterLabPageFixture,
  plugin: string,
  key: string,
  value: unknown
): Promise<void> {
  await page.evaluate(
    async ({ plugin, key, value }) => {
      const registry = await (window as any).galata.getPlugin('@jupyterlab/apputils-extension:settings');
      await registry.set(plugin, key, value);
    },
    { plugin, key, value }
  );
}

/** Activates the cell at `index` of the current notebook in command mode, with the notebook focused. */
export async function selectCell(page: IJupyterLabPageFixture, index: number): Promise<void> {
  await page.evaluate(index => {
    const notebook = (window as any).jupyterapp.shell.currentWidget.content;
    notebook.mode = 'command';
    notebook.activeCellIndex = index;
    notebook.deselectAll();
    notebook.activate();
  }, index);
  await page.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-InputPrompt').click();
}

/**
 * Counts NotebookActions.executed emissions from now on (window.__executed: one entry per cell,
 * {success, source}). NotebookActions is not a global: it is taken from the page's module cache.
 */
export async function recordExecuted(page: IJupyterLabPageFixture): Promise<void> {
  await page.evaluate(() => {
    const w = window as any;
    const chunks = w.rspackChunk_jupyterlab_application_top ?? w.webpackChunk_jupyterlab_application_top;
    let actions: any = null;
    chunks.push([
      [`coroutine-cells-probe-${Date.now()}`],
      {},
      (require: any) => {
        for (const id of Object.keys(require.m)) {
          if (!require.m[id].toString().includes('executionScheduled')) {
            continue;
          }
          try {
            const exports = require(id);
            if (exports?.NotebookActions?.executed) {
              actions = exports.NotebookActions;
              break;
            }
          } catch {
            // not the module we want
          }
        }
      }
    ]);
    if (!actions) {
      throw new Error('NotebookActions not found in the page');
    }
    w.__executed = [];
    actions.executed.connect((_: unknown, args: any) => {
      w.__executed.push({ success: args.success, source: args.cell.model.sharedModel.getSource() });
    });
  });
}

/** The NotebookActions.executed emissions recorded since recordExecuted. */
export async function executedCells(
  page: IJupyterLabPageFixture
): Promise<Array<{ success: boolean; source: string }>> {
  return page.evaluate(() => (window as any).__executed ?? []);
}

/**
 * Writes a coroutine notebook as the Launcher makes it: `{"coroutine-cells": {"default": true}}`,
 * TypeScript language_info and no kernelspec. Cells of type 'python' are plain code cells.
 */
export function writeCoroutineNotebook(path: string, cells: FixtureCell[]): void {
  writeNotebook(path, cells);
  const notebook = readNotebook(path);
  delete notebook.metadata.kernelspec;
  notebook.metadata['coroutine-cells'] = { default: true };
  notebook.metadata.language_info = {
    name: 'typescript',
    file_extension: '.ts',
    mimetype: 'text/typescript',
    codemirror_mode: 'typescript'
  };
  writeFileSync(join(SERVER_ROOT, path), JSON.stringify(notebook, null, 1));
}
