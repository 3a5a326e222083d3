/**
 * Cell outputs as nbformat v4 stores them (the subset coroutine cells produce), so every layer
 * that writes or reads them (runtime, worker, plugins, CLI) agrees on one shape.
 */

/** A JSON value, as nbformat stores it. */
export type JSONValue = string | number | boolean | null | JSONValue[] | { [key: string]: JSONValue };

/** A MIME bundle: MIME type to data. */
export type MimeBundle = { [mime: string]: JSONValue };

/** nbformat v4 outputs (the subset this runtime produces). */
export type NbOutput =
  | { output_type: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { output_type: 'display_data'; data: MimeBundle; metadata: { [key: string]: JSONValue } }
  | {
      output_type: 'execute_result';
      execution_count: number | null;
      data: MimeBundle;
      metadata: { [key: string]: JSONValue };
    }
  | { output_type: 'error'; ename: string; evalue: string; traceback: string[] };

/** How a cell run ended. */
export type CellStatus = 'ok' | 'error' | 'interrupted';

/**
 * Appends `output` to `outputs`, merging consecutive text of one stream into one output, as
 * JupyterLab shows it (and as a kernel's stream messages end up in the saved notebook).
 */
export function appendOutput(outputs: NbOutput[], output: NbOutput): void {
  const last = outputs[outputs.length - 1];
  if (output.output_type === 'stream' && last?.output_type === 'stream' && last.name === output.name) {
    outputs[outputs.length - 1] = { ...last, text: last.text + output.text };
  } else outputs.push(output);
}
