/** The command line of `coroutine-cells`: parsing (node:util's parseArgs) and the usage text. */
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';
import { checkParameterName, parseParameterValue, type ParameterValue } from './parameters';

/** The usage line printed on a usage error (exit status 2). */
export const USAGE = [
  'usage: coroutine-cells run FILE.ts [--outputs OUT.json] [--clock virtual|real] [--max-memory MB] [--types]',
  '       coroutine-cells execute IN.ipynb [-o OUT.ipynb | --inplace] [--allow-errors] [--max-memory MB] [-p NAME VALUE]...',
  '       coroutine-cells check IN.ipynb [--max-memory MB] [--types]',
  '  --types: type-check the coroutine cells first (TypeScript errors with cell, line, column; exit 1)'
].join('\n');

/** A parsed `run` command. */
export interface RunCommand {
  command: 'run';
  file: string;
  outputs?: string;
  clock?: 'virtual' | 'real';
  /** Heap ceiling of the worker that runs the cells, in MB. */
  maxMemoryMb?: number;
  /** --types: type-check the file first; type errors end the command with status 1. */
  types?: boolean;
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
  /** check --types: type-check the coroutine cells too. */
  types?: boolean;
}

/** The parsed command, or a usage error message (or a request for help). */
export type ParsedArgs =
  | { ok: true; run: RunCommand }
  | { ok: true; notebook: NotebookCommand }
  | { ok: false; help: boolean; message: string };

/** The options of each command, for node:util's parseArgs. */
const OPTIONS = {
  run: {
    outputs: { type: 'string', short: 'o' },
    clock: { type: 'string' },
    'max-memory': { type: 'string' },
    types: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' }
  },
  execute: {
    output: { type: 'string', short: 'o' },
    inplace: { type: 'boolean' },
    'allow-errors': { type: 'boolean' },
    'max-memory': { type: 'string' },
    help: { type: 'boolean', short: 'h' }
  },
  check: { 'max-memory': { type: 'string' }, types: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }
} as const satisfies Record<string, ParseArgsConfig['options']>;

/** One option or positional argument, in command-line order (node:util's tokens). */
type Token =
  | { kind: 'option'; name: string; rawName: string; value: string | undefined }
  | { kind: 'positional'; value: string }
  | { kind: 'option-terminator' };

/**
 * The command line as tokens. Non-strict, so that an unknown option or a missing value becomes
 * a token this module reports in its own words (node's messages name no command).
 */
function tokensOf(command: keyof typeof OPTIONS, args: readonly string[]): Token[] {
  const { tokens } = parseNodeArgs({
    args: [...args],
    options: OPTIONS[command],
    allowPositionals: true,
    strict: false,
    tokens: true
  });
  return tokens as Token[];
}

/** Parses `argv` (without node and the script). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0) return { ok: false, help: false, message: 'missing command' };
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { ok: false, help: true, message: '' };
  if (argv[0] === 'execute' || argv[0] === 'check') return parseNotebookArgs(argv[0], argv.slice(1));
  if (argv[0] !== 'run')
    return { ok: false, help: false, message: `unknown command '${argv[0]}' (run, execute or check)` };
  const run: Partial<RunCommand> & { command: 'run' } = { command: 'run' };
  for (const token of tokensOf('run', argv.slice(1))) {
    if (token.kind === 'positional') {
      if (run.file !== undefined)
        return { ok: false, help: false, message: `unexpected argument '${token.value}' (one FILE only)` };
      run.file = token.value;
    } else if (token.kind === 'option-terminator') {
      return { ok: false, help: false, message: "unknown option '--'" };
    } else if (token.name === 'outputs') {
      if (!token.value) return { ok: false, help: false, message: `${token.rawName} needs a file name` };
      run.outputs = token.value;
    } else if (token.name === 'clock') {
      if (token.value !== 'virtual' && token.value !== 'real') {
        return {
          ok: false,
          help: false,
          message: `--clock must be 'virtual' or 'real', got ${JSON.stringify(token.value ?? '')}`
        };
      }
      run.clock = token.value;
    } else if (token.name === 'max-memory') {
      const memory = parseMemory(token.value);
      if (typeof memory === 'string') return { ok: false, help: false, message: memory };
      run.maxMemoryMb = memory;
    } else if (token.name === 'types') {
      run.types = true;
    } else if (token.name === 'help') {
      return { ok: false, help: true, message: '' };
    } else {
      return { ok: false, help: false, message: `unknown option '${token.rawName}'` };
    }
  }
  if (run.file === undefined) return { ok: false, help: false, message: 'missing FILE.ts' };
  return { ok: true, run: run as RunCommand };
}

function parseNotebookArgs(command: 'execute' | 'check', args: readonly string[]): ParsedArgs {
  const parsed: Partial<NotebookCommand> = { command, allowErrors: false, parameters: [] };
  let inplace = false;
  // `-p NAME VALUE` takes two values (and VALUE may look like an option, e.g. -1), which
  // node:util's parseArgs cannot express: those triples are taken out first.
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (command !== 'execute' || (arg !== '-p' && arg !== '--parameter')) {
      rest.push(arg);
      continue;
    }
    const [name, value] = [args[i + 1], args[i + 2]];
    if (name === undefined || value === undefined)
      return { ok: false, help: false, message: `${arg} needs a NAME and a VALUE` };
    const problem = checkParameterName(name);
    if (problem) return { ok: false, help: false, message: problem };
    parsed.parameters?.push([name, parseParameterValue(value)]);
    i += 2;
  }
  for (const token of tokensOf(command, rest)) {
    if (token.kind === 'positional') {
      if (parsed.file !== undefined)
        return { ok: false, help: false, message: `unexpected argument '${token.value}' (one notebook only)` };
      parsed.file = token.value;
    } else if (token.kind === 'option-terminator') {
      return { ok: false, help: false, message: `unknown option '--' for ${command}` };
    } else if (token.name === 'help') {
      return { ok: false, help: true, message: '' };
    } else if (command === 'check' && token.name === 'types') {
      parsed.types = true;
    } else if (token.name === 'max-memory') {
      const memory = parseMemory(token.value);
      if (typeof memory === 'string') return { ok: false, help: false, message: memory };
      parsed.maxMemoryMb = memory;
    } else if (command === 'execute' && token.name === 'output') {
      if (!token.value) return { ok: false, help: false, message: `${token.rawName} needs a file name` };
      parsed.output = token.value;
    } else if (command === 'execute' && token.name === 'inplace') {
      inplace = true;
    } else if (command === 'execute' && token.name === 'allow-errors') {
      parsed.allowErrors = true;
    } else {
      return { ok: false, help: false, message: `unknown option '${token.rawName}' for ${command}` };
    }
  }
  if (parsed.file === undefined) return { ok: false, help: false, message: 'missing IN.ipynb' };
  if (command === 'execute') {
    if (inplace && parsed.output)
      return { ok: false, help: false, message: 'give either -o OUT.ipynb or --inplace, not both' };
    if (!inplace && !parsed.output)
      return {
        ok: false,
        help: false,
        message: 'execute needs -o OUT.ipynb or --inplace (so nothing is overwritten by surprise)'
      };
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
