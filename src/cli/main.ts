/**
 * `coroutine-cells run FILE.ts [--outputs OUT.json] [--clock real]`: runs one file as one
 * coroutine cell in Node with the same compiler and runtime as the notebook. Printed text goes to
 * the terminal as it happens; errors are shown with the cell's tracebacks; with --outputs the
 * cell's nbformat outputs are written as JSON, the chart bundle with a PNG image added.
 * Exit status: 0 ok, 1 the cell failed or was interrupted, 2 usage error.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { CellSession } from '../runtime';
import { DEFAULT_CELL_OPTIONS, VEGALITE_MIME, type CellOptions, type NbOutput } from '../shared';
import { addChartImage } from './chart-image';
import { runNotebookCommand } from './notebook-commands';
import { parseArgs, USAGE, type RunCommand } from './parse-args';

/** Where the CLI writes (injectable for tests). */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIO = process): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    io.stderr.write(`coroutine-cells: ${parsed.message}\n${USAGE}\n`);
    return 2;
  }
  return 'notebook' in parsed ? runNotebookCommand(parsed.notebook, io) : runFile(parsed.run, io);
}

async function runFile(command: RunCommand, io: CliIO): Promise<number> {
  let source: string;
  try {
    source = await readFile(command.file, 'utf8');
  } catch (error) {
    io.stderr.write(`coroutine-cells: cannot read ${command.file}: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const options: CellOptions = { ...DEFAULT_CELL_OPTIONS, chart: { ...DEFAULT_CELL_OPTIONS.chart } };
  if (command.clock) options.clock = command.clock;
  // Without --outputs nobody sees the chart: skip building it.
  if (!command.outputs) options.chart.enabled = false;
  const session = new CellSession();
  let interrupts = 0;
  const onSigint = (): void => {
    if (++interrupts > 1) process.exit(130);
    io.stderr.write('\n(interrupting: cancelling every task; press Ctrl-C again to quit at once)\n');
    session.interrupt();
  };
  process.on('SIGINT', onSigint);
  try {
    const result = await session.runCell(
      { source, cellLabel: command.file, executionCount: 1, options },
      output => printOutput(output, io)
    );
    if (command.outputs) {
      const outputs = await Promise.all(result.outputs.map(output => addChartImage(output, text => io.stderr.write(text))));
      await writeFile(command.outputs, JSON.stringify(outputs, null, 1) + '\n');
    }
    return result.status === 'ok' ? 0 : 1;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** Shows one output in the terminal (colours only on a terminal). */
function printOutput(output: NbOutput, io: CliIO): void {
  switch (output.output_type) {
    case 'stream':
      (output.name === 'stdout' ? io.stdout : io.stderr).write(output.text);
      break;
    case 'error':
      io.stderr.write(colour(output.traceback.join('\n'), io.stderr.isTTY === true) + '\n');
      break;
    case 'execute_result':
    case 'display_data': {
      if (output.data[VEGALITE_MIME] !== undefined) break;
      const text = output.data['text/plain'];
      if (typeof text === 'string') io.stdout.write(text + '\n');
      break;
    }
  }
}

/** Strips ANSI colours unless `keep` (the stream is a terminal). */
export function colour(text: string, keep: boolean): string {
  // eslint-disable-next-line no-control-regex
  return keep ? text : text.replace(/\x1b\[[0-9;]*m/g, '');
}
