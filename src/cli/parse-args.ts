/** The command line of `coroutine-cells`: parsing and the usage text. */

/** The usage line printed on a usage error (exit status 2). */
export const USAGE = 'usage: coroutine-cells run FILE.ts [--outputs OUT.json] [--clock virtual|real]';

/** A parsed `run` command. */
export interface RunCommand {
  command: 'run';
  file: string;
  outputs?: string;
  clock?: 'virtual' | 'real';
}

/** The parsed command, or a usage error message (or a request for help). */
export type ParsedArgs = { ok: true; run: RunCommand } | { ok: false; help: boolean; message: string };

/** Parses `argv` (without node and the script). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0) return { ok: false, help: false, message: 'missing command' };
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { ok: false, help: true, message: '' };
  if (argv[0] !== 'run') return { ok: false, help: false, message: `unknown command '${argv[0]}'` };
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
