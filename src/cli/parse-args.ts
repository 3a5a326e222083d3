/** The command line of `coroutine-cells`: parsing and the usage text. */
import { checkParameterName, parseParameterValue, type ParameterValue } from './parameters';

/** The usage line printed on a usage error (exit status 2). */
export const USAGE = [
  'usage: coroutine-cells run FILE.ts [--outputs OUT.json] [--clock virtual|real] [--max-memory MB]',
  '       coroutine-cells execute IN.ipynb [-o OUT.ipynb | --inplace] [--allow-errors] [--max-memory MB] [-p NAME VALUE]...',
  '       coroutine-cells check IN.ipynb [--max-memory MB]'
].join('\n');

/** A parsed `run` command. */
export interface RunCommand {
  command: 'run';
  file: string;
  outputs?: string;
  clock?: 'virtual' | 'real';
  /** Heap ceiling of the worker that runs the cells, in MB. */
  maxMemoryMb?: number;
}

/** A parsed `execute` or `check` command (the notebook commands). */
export interface NotebookCommand {
  command: 'execute' | 'check';
  file: string;
  /** execute: where to write (the input itself with --inplace). */
  output?: string;
  allowErrors: boolean;
  /** execute: `-p NAME VALUE` parameters, in order (VALUE as JSON when it parses, else text). */
  parameters: [string, ParameterValue][];
  /** Heap ceiling of the worker that runs the cells, in MB. */
  maxMemoryMb?: number;
}

/** The parsed command, or a usage error message (or a request for help). */
export type ParsedArgs =
  | { ok: true; run: RunCommand }
  | { ok: true; notebook: NotebookCommand }
  | { ok: false; help: boolean; message: string };

/** Parses `argv` (without node and the script). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0) return { ok: false, help: false, message: 'missing command' };
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { ok: false, help: true, message: '' };
  if (argv[0] === 'execute' || argv[0] === 'check') return parseNotebookArgs(argv[0], argv.slice(1));
  if (argv[0] !== 'run') return { ok: false, help: false, message: `unknown command '${argv[0]}' (run, execute or check)` };
  const run: Partial<RunCommand> & { command: 'run' } = { command: 'run' };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--outputs' || flag === '-o') {
      const path = value();
      if (!path) return { ok: false, help: false, message: `${flag} needs a file name` };
      run.outputs = path;
    } else if (flag === '--clock') {
      const clock = value();
      if (clock !== 'virtual' && clock !== 'real') {
        return { ok: false, help: false, message: `--clock must be 'virtual' or 'real', got ${JSON.stringify(clock ?? '')}` };
      }
      run.clock = clock;
    } else if (flag === '--max-memory') {
      const memory = parseMemory(value());
      if (typeof memory === 'string') return { ok: false, help: false, message: memory };
      run.maxMemoryMb = memory;
    } else if (flag === '--help' || flag === '-h') {
      return { ok: false, help: true, message: '' };
    } else if (arg.startsWith('-') && arg !== '-') {
      return { ok: false, help: false, message: `unknown option '${arg}'` };
    } else if (run.file === undefined) {
      run.file = arg;
    } else {
      return { ok: false, help: false, message: `unexpected argument '${arg}' (one FILE only)` };
    }
  }
  if (run.file === undefined) return { ok: false, help: false, message: 'missing FILE.ts' };
  return { ok: true, run: run as RunCommand };
}

function parseNotebookArgs(command: 'execute' | 'check', args: readonly string[]): ParsedArgs {
  const parsed: Partial<NotebookCommand> = { command, allowErrors: false, parameters: [] };
  let inplace = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (command === 'execute' && (arg === '-o' || arg === '--output' || arg.startsWith('--output='))) {
      const path = arg.startsWith('--output=') ? arg.slice('--output='.length) : args[++i];
      if (!path) return { ok: false, help: false, message: `${arg} needs a file name` };
      parsed.output = path;
    } else if (command === 'execute' && arg === '--inplace') {
      inplace = true;
    } else if (command === 'execute' && (arg === '-p' || arg === '--parameter')) {
      const [name, value] = [args[i + 1], args[i + 2]];
      if (name === undefined || value === undefined) return { ok: false, help: false, message: `${arg} needs a NAME and a VALUE` };
      const problem = checkParameterName(name);
      if (problem) return { ok: false, help: false, message: problem };
      parsed.parameters?.push([name, parseParameterValue(value)]);
      i += 2;
    } else if (command === 'execute' && arg === '--allow-errors') {
      parsed.allowErrors = true;
    } else if (arg === '--max-memory' || arg.startsWith('--max-memory=')) {
      const memory = parseMemory(arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i]);
      if (typeof memory === 'string') return { ok: false, help: false, message: memory };
      parsed.maxMemoryMb = memory;
    } else if (arg === '--help' || arg === '-h') {
      return { ok: false, help: true, message: '' };
    } else if (arg.startsWith('-')) {
      return { ok: false, help: false, message: `unknown option '${arg}' for ${command}` };
    } else if (parsed.file === undefined) {
      parsed.file = arg;
    } else {
      return { ok: false, help: false, message: `unexpected argument '${arg}' (one notebook only)` };
    }
  }
  if (parsed.file === undefined) return { ok: false, help: false, message: 'missing IN.ipynb' };
  if (command === 'execute') {
    if (inplace && parsed.output) return { ok: false, help: false, message: 'give either -o OUT.ipynb or --inplace, not both' };
    if (!inplace && !parsed.output) return { ok: false, help: false, message: 'execute needs -o OUT.ipynb or --inplace (so nothing is overwritten by surprise)' };
    if (inplace) parsed.output = parsed.file;
  }
  return { ok: true, notebook: parsed as NotebookCommand };
}

/** The --max-memory value in MB, or the usage error message. */
function parseMemory(text: string | undefined): number | string {
  const value = Number(text);
  if (text === undefined || !/^\d+$/.test(text) || value < 16) {
    return `--max-memory must be a whole number of megabytes (at least 16), got ${JSON.stringify(text ?? '')}`;
  }
  return value;
}
