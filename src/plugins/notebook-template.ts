/**
 * The content of a new coroutine notebook: the kernelspec of the Jupyter kernel `coroutine-cells`
 * (so nbconvert --execute, papermill, VS Code and jupyter console run it; in JupyterLab its cells
 * run in the browser and no kernel is started), TypeScript `language_info` (so nbconvert and
 * other viewers highlight the code), the notebook marker that makes every new code cell a
 * coroutine cell, and one empty coroutine cell. Pure.
 */
import { METADATA_KEY } from './cell-metadata';

/** The language_info of a coroutine notebook. */
export const TYPESCRIPT_LANGUAGE_INFO = {
  name: 'typescript',
  file_extension: '.ts',
  mimetype: 'text/typescript',
  codemirror_mode: 'typescript'
};

/** The name of the Jupyter kernel that runs coroutine notebooks outside the browser. */
export const COROUTINE_KERNEL_NAME = 'coroutine-cells';

/** The kernelspec metadata of a coroutine notebook. */
export const COROUTINE_KERNELSPEC = {
  name: COROUTINE_KERNEL_NAME,
  display_name: 'TypeScript (coroutine cells)',
  language: 'typescript'
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
      kernelspec: { ...COROUTINE_KERNELSPEC },
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
