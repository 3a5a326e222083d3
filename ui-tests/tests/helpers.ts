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
  await page.evaluate(
    ({ id, args }) => (window as any).jupyterapp.commands.execute(id, args),
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
