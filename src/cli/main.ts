/**
 * `coroutine-cells run FILE.ts [--outputs OUT.json] [--clock real]`: runs one file as one
 * coroutine cell in Node with the same compiler and runtime as the notebook. Printed text goes to
 * the terminal as it happens; errors are shown with the cell's tracebacks; with --outputs the
 * cell's nbformat outputs are written as JSON, the chart bundle with a PNG image added.
 * Cells run in a worker thread (worker-runner.ts) with a heap ceiling (--max-memory), so cell code
 * cannot end or poison the CLI; output paths are checked before anything runs and every file is
 * written atomically (atomic-write.ts).
 * Exit status: 0 ok, 1 the cell failed or was interrupted, 2 usage error (or an unwritable output).
 */
import { readFile } from 'node:fs/promises';
import { checkCellTypes, formatTypeProblems } from '../language/type-check';
import { DEFAULT_CELL_OPTIONS, VEGALITE_MIME, type CellOptions, type NbOutput } from '../protocol';
import { unwritableReason, writeFileAtomic } from './atomic-write';
import { addChartImage } from './chart-image';
import { duplicatesMessage, findDuplicateDeclarations } from './duplicate-declarations';
import { runNotebookCommand } from './notebook-commands';
import { parseArgs, USAGE, type RunCommand } from './parse-args';
import type { CellRunner } from './runner-protocol';
import { WorkerRunner } from './worker-runner';

/** Where the CLI writes (injectable for tests). */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** How the CLI runs cells. */
export interface CliOptions {
  /**
   * The bundled runner-worker.ts (bin/coroutine-cells.mjs builds it): cells run in a worker
   * thread. Without it they run in this thread, with no isolation (library use).
   */
  runnerFile?: string;
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: readonly string[], io: CliIO = process, options: CliOptions = {}): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    io.stderr.write(`coroutine-cells: ${parsed.message}\n${USAGE}\n`);
    return 2;
  }
  // Output paths are checked before anything runs: a long run must not end in a failed write.
  const output =
    'notebook' in parsed
      ? parsed.notebook.command === 'execute'
        ? parsed.notebook.output
        : undefined
      : parsed.run.outputs;
  if (output !== undefined) {
    const reason = await unwritableReason(output);
    if (reason) {
      io.stderr.write(`coroutine-cells: ${reason}; nothing was run\n`);
      return 2;
    }
  }
  const maxMemoryMb = 'notebook' in parsed ? parsed.notebook.maxMemoryMb : parsed.run.maxMemoryMb;
  const runner: CellRunner = options.runnerFile
    ? new WorkerRunner({ workerFile: options.runnerFile, maxMemoryMb })
    : new (await import('./in-process-runner')).InProcessRunner();
  let interrupts = 0;
  const onSigint = (): void => {
    if (++interrupts > 1) process.exit(130);
    io.stderr.write('\n(interrupting: cancelling every task; press Ctrl-C again to quit at once)\n');
    runner.interrupt();
  };
  process.on('SIGINT', onSigint);
  try {
    return 'notebook' in parsed
      ? await runNotebookCommand(parsed.notebook, io, runner)
      : await runFile(parsed.run, io, runner);
  } catch (error) {
    // Writing failed after all (disk full...): one line, no stack trace; the old file is intact.
    io.stderr.write(`coroutine-cells: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
    await runner.close();
  }
}

async function runFile(command: RunCommand, io: CliIO, runner: CellRunner): Promise<number> {
  let source: string;
  try {
    source = await readFile(command.file, 'utf8');
  } catch (error) {
    io.stderr.write(`coroutine-cells: cannot read ${command.file}: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const duplicates = findDuplicateDeclarations(source, command.file);
  if (duplicates.length > 0) {
    io.stderr.write(duplicatesMessage(command.file, duplicates));
    return 2;
  }
  if (command.types) {
    const problems = checkCellTypes([{ label: 'cell 1', source }]);
    io.stderr.write(formatTypeProblems(command.file, problems));
    if (problems.length > 0) return 1;
  }
  const options: CellOptions = { ...DEFAULT_CELL_OPTIONS, chart: { ...DEFAULT_CELL_OPTIONS.chart } };
  if (command.clock) options.clock = command.clock;
  // Without --outputs nobody sees the chart: skip building it.
  if (!command.outputs) options.chart.enabled = false;
  const result = await runner.run({ source, cellLabel: command.file, executionCount: 1, options }, output =>
    printOutput(output, io)
  );
  if (command.outputs) {
    const outputs = await Promise.all(
      result.outputs.map(output => addChartImage(output, text => io.stderr.write(text)))
    );
    await writeFileAtomic(command.outputs, JSON.stringify(outputs, null, 1) + '\n');
  }
  return result.status === 'ok' ? 0 : 1;
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
