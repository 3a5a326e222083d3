/**
 * The content of a new coroutine notebook: no kernelspec (it needs no kernel), TypeScript
 * `language_info` (so nbconvert and other viewers highlight the code), the notebook marker that
 * makes every new code cell a coroutine cell, and one empty coroutine cell. Pure.
 */
import { METADATA_KEY } from './cell-metadata';

/** The language_info of a coroutine notebook. */
export const TYPESCRIPT_LANGUAGE_INFO = {
  name: 'typescript',
  file_extension: '.ts',
  mimetype: 'text/typescript',
  codemirror_mode: 'typescript'
};

/** The nbformat 4.5 content of a new coroutine notebook. */
export function coroutineNotebookContent(cellId: string): {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Array<Record<string, unknown>>;
} {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      [METADATA_KEY]: { default: true },
      language_info: { ...TYPESCRIPT_LANGUAGE_INFO }
    },
    cells: [
      {
        id: cellId,
        cell_type: 'code',
        metadata: { [METADATA_KEY]: {} },
        source: '',
        outputs: [],
        execution_count: null
      }
    ]
  };
}
