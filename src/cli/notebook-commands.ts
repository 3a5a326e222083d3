/** `coroutine-cells execute` and `check`: the notebook commands of the headless runner. */
import { checkNotebook } from './check-notebook';
import { executeNotebook } from './execute-notebook';
import type { CliIO } from './main';
import { checkCellTypes, formatTypeProblems } from '../language/type-check';
import { cellSource, isCoroutineCell, readNotebook, writeNotebook } from './notebook-file';
import { injectParameters } from './parameters';
import type { NotebookCommand } from './parse-args';
import type { CellRunner } from './runner-protocol';

/** Runs `execute` or `check`; resolves to the exit status (0 ok, 1 failed/differs, 2 bad input). */
export async function runNotebookCommand(command: NotebookCommand, io: CliIO, runner: CellRunner): Promise<number> {
  let notebook;
  try {
    notebook = await readNotebook(command.file);
  } catch (error) {
    io.stderr.write(`coroutine-cells: ${(error as Error).message}\n`);
    return 2;
  }
  const warn = (text: string) => void io.stderr.write(text);
  if (command.command === 'check') {
    let typeErrors = 0;
    if (command.types) {
      const cells = notebook.cells.flatMap((cell, index) =>
        isCoroutineCell(cell) ? [{ label: `cell ${index + 1}`, source: cellSource(cell) }] : []
      );
      const problems = checkCellTypes(cells);
      io.stdout.write(formatTypeProblems(command.file, problems));
      io.stdout.write(
        `${command.file}: ${problems.length} type error${problems.length === 1 ? '' : 's'} in ${cells.length} coroutine cells\n`
      );
      typeErrors = problems.length;
    }
    const result = await checkNotebook(notebook, warn, runner);
    if (result.interrupted) {
      io.stderr.write('coroutine-cells: interrupted; nothing was compared\n');
      return 1;
    }
    for (const { cell, differences } of result.mismatches) {
      io.stdout.write(
        `cell ${cell + 1}: outputs differ from a fresh run\n${differences.map(d => `  ${d}`).join('\n')}\n`
      );
    }
    const skipped = result.notCompared.length ? `, ${result.notCompared.length} on the real clock not compared` : '';
    io.stdout.write(`${command.file}: ${result.matched} cells match, ${result.mismatches.length} differ${skipped}\n`);
    return result.mismatches.length || typeErrors ? 1 : 0;
  }
  if (command.parameters.length > 0) notebook = injectParameters(notebook, command.parameters);
  const total = notebook.cells.filter(cell => cell.cell_type === 'code').length;
  let current = -1;
  const result = await executeNotebook(notebook, {
    runner,
    allowErrors: command.allowErrors,
    chartImages: true,
    warn,
    onOutput: index => {
      if (index !== current) {
        current = index;
        io.stderr.write(`running cell ${index + 1} of ${notebook.cells.length}\n`);
      }
    }
  });
  if (result.interrupted) {
    // A notebook half run by an interrupt is not written: the file on disk stays as it was.
    io.stderr.write(
      `coroutine-cells: KeyboardInterrupt in cell ${(result.stoppedAt as number) + 1}; ${command.output} was not written\n`
    );
    return 1;
  }
  await writeNotebook(command.output as string, result.notebook);
  const kernelCells = result.skipped.length ? ` (${result.skipped.length} kernel cells left as they were)` : '';
  io.stdout.write(`${command.output}: ${result.statuses.size} of ${total} code cells executed${kernelCells}\n`);
  if (result.stoppedAt !== null) {
    io.stderr.write(
      `coroutine-cells: cell ${result.stoppedAt + 1} failed; stopped there (use --allow-errors to go on)\n`
    );
    return 1;
  }
  return 0;
}
