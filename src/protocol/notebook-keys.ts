/**
 * The names coroutine cells write into notebooks: the metadata key that marks a coroutine cell
 * (and a coroutine notebook, and a chart output), and the MIME type of the timing chart.
 */

/** The cell, notebook and output metadata key of this extension. */
export const METADATA_KEY = 'coroutine-cells';

/** The MIME type of the timing chart (JupyterLab renders it with Vega-Lite 5). */
export const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';

/**
 * True for a code cell whose `metadata[METADATA_KEY]` marks it as a coroutine cell: any value
 * other than `undefined`, `null` or `false` (an empty object is the usual marker). A malformed
 * value (a string, say) still marks the user's intent; the executor reports what is wrong with it.
 */
export function isCoroutineCell(cellType: string, marker: unknown): boolean {
  return cellType === 'code' && marker !== undefined && marker !== null && marker !== false;
}

/** True when a notebook's `metadata[METADATA_KEY]` asks for every new code cell to be a coroutine cell. */
export function isCoroutineNotebook(marker: unknown): boolean {
  return typeof marker === 'object' && marker !== null && (marker as { default?: unknown }).default === true;
}
