/**
 * `coroutine-cells execute -p NAME VALUE`: notebook parameters as papermill gives them, without
 * papermill. The values become a coroutine cell of `const NAME = VALUE;` lines (tagged
 * `injected-parameters`) right after the cell tagged `parameters` (at the top if there is none),
 * so the later declaration replaces the default.
 */
import { METADATA_KEY } from '../protocol';
import type { StoredCell, StoredNotebook } from './notebook-file';

/** A JSON value, the type a parameter has. */
export type ParameterValue = null | boolean | number | string | ParameterValue[] | { [key: string]: ParameterValue };

/** The tag papermill and this runner give the generated cell. */
export const INJECTED_TAG = 'injected-parameters';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A value from the command line: JSON when it parses as JSON (5, true, [1, 2], "x"), else the text. */
export function parseParameterValue(text: string): ParameterValue {
  try {
    return JSON.parse(text) as ParameterValue;
  } catch {
    return text;
  }
}

/** Checks a parameter name; returns an error message or null. */
export function checkParameterName(name: string): string | null {
  return IDENTIFIER.test(name)
    ? null
    : `-p: parameter name must be a TypeScript identifier, got ${JSON.stringify(name)}`;
}

/** The TypeScript of the injected cell. */
export function parametersSource(parameters: ReadonlyArray<[string, ParameterValue]>): string {
  return (
    ['// Parameters', ...parameters.map(([name, value]) => `const ${name} = ${JSON.stringify(value)};`)].join('\n') +
    '\n'
  );
}

/** A copy of `notebook` with the parameters cell injected (an earlier injected cell replaced). */
export function injectParameters(
  notebook: StoredNotebook,
  parameters: ReadonlyArray<[string, ParameterValue]>
): StoredNotebook {
  const tags = (cell: StoredCell): unknown[] =>
    Array.isArray(cell.metadata?.tags) ? (cell.metadata.tags as unknown[]) : [];
  const cells = notebook.cells.filter(cell => !tags(cell).includes(INJECTED_TAG));
  const injected: StoredCell = {
    cell_type: 'code',
    metadata: { tags: [INJECTED_TAG], [METADATA_KEY]: {} },
    source: parametersSource(parameters),
    outputs: [],
    execution_count: null
  };
  if (notebook.nbformat_minor >= 5) injected.id = 'injected-parameters';
  const at = cells.findIndex(cell => tags(cell).includes('parameters'));
  cells.splice(at + 1, 0, injected);
  return { ...notebook, cells };
}
