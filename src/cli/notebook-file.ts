/** Reading and writing .ipynb files for the headless runner (nbformat 4, the fields it needs). */
import { readFile } from 'node:fs/promises';
import {
  isCoroutineCell as isCoroutineCellMarked,
  isCoroutineNotebook as isCoroutineNotebookMarked,
  METADATA_KEY,
  type NbOutput
} from '../protocol';
import { writeFileAtomic } from './atomic-write';

/** A notebook cell as stored (source may be a string or a list of lines). */
export interface StoredCell {
  cell_type: string;
  source: string | string[];
  metadata: { [key: string]: unknown };
  outputs?: unknown[];
  execution_count?: number | null;
  [key: string]: unknown;
}

/** A notebook as stored. */
export interface StoredNotebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: { [key: string]: unknown };
  cells: StoredCell[];
}

/** Reads and checks a notebook; the error says what is wrong and what to do. */
export async function readNotebook(path: string): Promise<StoredNotebook> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
  let notebook: StoredNotebook;
  try {
    notebook = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not a notebook: its JSON does not parse (${(error as Error).message})`);
  }
  if (notebook?.nbformat !== 4 || !Array.isArray(notebook.cells)) {
    throw new Error(
      `${path} is not an nbformat 4 notebook (nbformat: ${JSON.stringify(notebook?.nbformat)}); open and save it in JupyterLab first`
    );
  }
  return notebook;
}

/** Writes a notebook the way Jupyter does (one-space indent, trailing newline), atomically. */
export async function writeNotebook(path: string, notebook: StoredNotebook): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(notebook, null, 1) + '\n');
}

/** The cell's source as one string. */
export function cellSource(cell: StoredCell): string {
  return Array.isArray(cell.source) ? cell.source.join('') : cell.source;
}

/** True when the notebook's metadata says `"coroutine-cells": {"default": true}`. */
export function isCoroutineNotebook(notebook: Pick<StoredNotebook, 'metadata'>): boolean {
  return isCoroutineNotebookMarked(notebook.metadata?.[METADATA_KEY]);
}

/**
 * True for a code cell marked as a coroutine cell; in a coroutine notebook (`default: true`) an
 * untagged code cell is one too, unless its marker is `false` (an explicit kernel cell).
 */
export function isCoroutineCell(cell: StoredCell, notebookDefault = false): boolean {
  const marker = cell.metadata?.[METADATA_KEY];
  if (cell.cell_type === 'code' && marker === undefined) return notebookDefault;
  return isCoroutineCellMarked(cell.cell_type, marker);
}

/** Outputs as stored: stream text and MIME text may be lists of lines; normalise to strings. */
export function normaliseOutputs(outputs: unknown[] | undefined): NbOutput[] {
  const join = (value: unknown) => (Array.isArray(value) ? value.join('') : value);
  return (outputs ?? []).map(raw => {
    const output = raw as { [key: string]: any };
    if (output.output_type === 'stream') return { ...output, text: join(output.text) } as NbOutput;
    if (output.data) {
      const data: { [key: string]: unknown } = {};
      for (const [mime, value] of Object.entries(output.data)) {
        data[mime] = typeof value === 'object' && !Array.isArray(value) ? value : join(value);
      }
      return { ...output, data } as NbOutput;
    }
    return output as NbOutput;
  });
}
