import { describe, expect, it } from 'vitest';
import { coroutineNotebookContent, TYPESCRIPT_LANGUAGE_INFO } from '../../src/plugins/notebook-template';
import { readCellMarker, readNotebookMarker } from '../../src/plugins/coroutine-metadata';

describe('coroutineNotebookContent', () => {
  const content = coroutineNotebookContent('abc');

  it('marks the notebook so new code cells are coroutine cells', () => {
    expect(content.metadata['coroutine-cells']).toEqual({ default: true });
    expect(readNotebookMarker(content.metadata['coroutine-cells']).defaultCoroutine).toBe(true);
  });

  it('declares TypeScript for nbconvert and names the coroutine-cells kernel', () => {
    expect(content.metadata.language_info).toEqual({
      name: 'typescript',
      file_extension: '.ts',
      mimetype: 'text/typescript',
      codemirror_mode: 'typescript'
    });
    expect(content.metadata.kernelspec).toEqual({
      name: 'coroutine-cells',
      display_name: 'TypeScript (coroutine cells)',
      language: 'typescript'
    });
  });

  it('starts with one empty, well-formed coroutine cell with the given id', () => {
    expect(content.cells).toHaveLength(1);
    expect(content.cells[0]).toMatchObject({ id: 'abc', cell_type: 'code', source: '', outputs: [] });
    expect(readCellMarker((content.cells[0].metadata as Record<string, unknown>)['coroutine-cells']).problems).toEqual(
      []
    );
  });

  it('does not share the language_info object between notebooks', () => {
    expect(content.metadata.language_info).not.toBe(TYPESCRIPT_LANGUAGE_INFO);
  });
});
