/**
 * Shared helpers of the fault suite: the real CLI (bin/coroutine-cells.mjs in a child process),
 * notebooks written to a temporary folder, and in-process sessions for runtime-level faults.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/coroutine-cells.mjs');

/** A fresh temporary folder for one test file. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'coroutine-cells-faults-'));
}

/** What a finished CLI run gave. */
export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds of the whole run. */
  ms: number;
}

/** Runs the CLI to the end (killed after `timeoutMs`). */
export function cli(args: string[], cwd: string, timeoutMs = 90_000): CliResult {
  const start = Date.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 256 * 1024 * 1024
  });
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
    ms: Date.now() - start
  };
}

/**
 * Starts the CLI, sends SIGINT once its output (stdout or stderr) shows `marker`, and resolves when it exits, with
 * the milliseconds from the signal to the exit (it is killed after `killAfterMs`).
 */
export function cliInterrupted(
  args: string[],
  cwd: string,
  marker: string,
  killAfterMs = 20_000
): Promise<CliResult & { afterSignalMs: number }> {
  return new Promise(done => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let signalled = 0;
    const start = Date.now();
    const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    const watch = (): void => {
      if (!signalled && (stdout + stderr).includes(marker)) {
        signalled = -1;
        // A moment for the cell to get deep into its loop.
        setTimeout(() => {
          signalled = Date.now();
          child.kill('SIGINT');
        }, 300);
      }
    };
    child.stdout.on('data', chunk => {
      stdout += chunk;
      watch();
    });
    child.stderr.on('data', chunk => {
      stderr += chunk;
      watch();
    });
    child.on('exit', (status, signal) => {
      clearTimeout(killer);
      const end = Date.now();
      done({
        status,
        signal,
        stdout,
        stderr,
        ms: end - start,
        afterSignalMs: signalled > 0 ? end - signalled : Infinity
      });
    });
  });
}

/** A notebook cell for `notebookFile`: a coroutine cell's source, or a cell object as stored. */
export type CellSpec = string | { [key: string]: unknown };

/** Writes an nbformat 4 notebook of coroutine cells; returns its path. */
export function notebookFile(dir: string, name: string, cells: CellSpec[]): string {
  const path = join(dir, name);
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { 'coroutine-cells': { default: true } },
    cells: cells.map((cell, i) =>
      typeof cell === 'string'
        ? {
            id: `c${i}`,
            cell_type: 'code',
            metadata: { 'coroutine-cells': {} },
            source: cell,
            outputs: [],
            execution_count: null
          }
        : cell
    )
  };
  writeFileSync(path, JSON.stringify(notebook, null, 1) + '\n');
  return path;
}

/** A stored notebook's cells. */
export function cellsOf(path: string): { outputs?: any[]; source: string | string[] }[] {
  return JSON.parse(readFileSync(path, 'utf8')).cells;
}

/** The stream text of a stored cell's outputs. */
export function streamOf(cell: { outputs?: any[] }, name: 'stdout' | 'stderr'): string {
  return (cell.outputs ?? [])
    .map(o => (o.output_type === 'stream' && o.name === name ? [o.text].flat().join('') : ''))
    .join('');
}

/** The (last) error output of a stored cell, if any. */
export function errorOfCell(cell: { outputs?: any[] }): { ename: string; evalue: string } | undefined {
  return (cell.outputs ?? []).filter(o => o.output_type === 'error').pop();
}

/** A V8 abort or a raw Node stack trace in CLI output (never acceptable). */
export const RAW_CRASH = /FATAL ERROR|Aborted|node:internal|\n\s+at .+\(.+:\d+:\d+\)/;
