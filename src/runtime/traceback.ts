/**
 * Error outputs in IPython's style: a coloured header, one block per cell frame with the
 * cell's own TypeScript line, column and source (a caret under the column), and the final
 * "Name: message" line. ExceptionGroups list their sub-exceptions, as Python does.
 */
import type { CompileError } from '../compiler';
import type { WarningDetail } from '../scheduler';
import type { NbOutput } from '../protocol';
import { errorFrames, type CellFrame, type CellRegistry } from './stack-frames';

const RED = '\x1b[0;31m';
const GREEN = '\x1b[0;32m';
const CYAN = '\x1b[0;36m';
const RESET = '\x1b[0m';
const RULE = `${RED}${'-'.repeat(75)}${RESET}`;

/** An nbformat error output. */
type ErrorOutput = Extract<NbOutput, { output_type: 'error' }>;

/** The error output for an exception thrown by cell code (any task), or any thrown value. */
export function errorOutput(error: unknown, registry: CellRegistry): ErrorOutput {
  const { ename, evalue } = describe(error);
  const traceback = [RULE, header(ename), ...errorBody(error, registry, '')];
  return { output_type: 'error', ename, evalue, traceback };
}

/** The error output for syntax errors and unsupported constructs (nothing ran). */
export function compileErrorOutput(errors: CompileError[], source: string, cellLabel: string): ErrorOutput {
  const first = errors[0];
  const nameOf = (error: CompileError) => (error.kind === 'import' ? 'ImportError' : 'SyntaxError');
  const ename = nameOf(first);
  const evalue = `${first.message} (line ${first.line}, column ${first.column})`;
  const traceback: string[] = [RULE, header(ename)];
  for (const error of errors) {
    traceback.push(...sourceBlock(cellLabel, source, error.line, error.column, undefined));
    traceback.push(`${RED}${nameOf(error)}${RESET}: ${error.message}`, '');
  }
  traceback.pop();
  return { output_type: 'error', ename, evalue, traceback };
}

/**
 * The KeyboardInterrupt output: where the cell was when it was interrupted, taken from the
 * cancellations the interrupt threw into the cell's coroutines (the deepest chain of awaits).
 */
export function interruptOutput(raised: readonly unknown[], registry: CellRegistry): ErrorOutput {
  let frames: CellFrame[] = [];
  for (const error of raised) {
    if (!(error instanceof Error) || error.name !== 'CancelledError') continue;
    const candidate = errorFrames(error, registry);
    if (candidate.length >= frames.length) frames = candidate;
  }
  const ename = 'KeyboardInterrupt';
  const evalue = 'the cell was interrupted: every task was cancelled';
  const blocks = elideRepeats(frames).flatMap(item =>
    typeof item === 'number' ? [repeatedLine(item), ''] : frameBlock(item)
  );
  const traceback = [RULE, header(ename), ...blocks, finalLine(ename, evalue)];
  return { output_type: 'error', ename, evalue, traceback };
}

/** Identical frames in a row shown before the rest are counted instead (CPython shows 3). */
const REPEATS_SHOWN = 3;

/**
 * The frames with runs of identical ones (an async recursion) cut after REPEATS_SHOWN: a number
 * stands for how many more of the previous frame were left out, as CPython's tracebacks do.
 */
export function elideRepeats(frames: readonly CellFrame[]): (CellFrame | number)[] {
  const out: (CellFrame | number)[] = [];
  let run = 0;
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i];
    const previous = frames[i - 1];
    const same =
      previous !== undefined &&
      previous.cell === frame.cell &&
      previous.line === frame.line &&
      previous.column === frame.column &&
      previous.functionName === frame.functionName;
    run = same ? run + 1 : 1;
    if (run <= REPEATS_SHOWN) out.push(frame);
    else if (typeof out[out.length - 1] === 'number') out[out.length - 1] = (out[out.length - 1] as number) + 1;
    else out.push(1);
  }
  return out;
}

function repeatedLine(count: number): string {
  return `[Previous line repeated ${count.toLocaleString('en-US')} more time${count === 1 ? '' : 's'}]`;
}

/** A simple error output without frames (directive errors, interrupts, a lost runtime). */
export function plainErrorOutput(ename: string, evalue: string, details: string[] = []): ErrorOutput {
  return { output_type: 'error', ename, evalue, traceback: [...details, finalLine(ename, evalue)] };
}

/** ename and evalue of any thrown value; non-Error values say what they were. */
export function describe(error: unknown): { ename: string; evalue: string } {
  if (
    error instanceof Error ||
    (error !== null && typeof error === 'object' && 'stack' in error && 'message' in error)
  ) {
    const e = error as Error;
    const ename = typeof e.name === 'string' && e.name !== '' ? e.name : (e.constructor?.name ?? 'Error');
    return { ename, evalue: String(e.message ?? '') };
  }
  const kind = error === null ? 'null' : typeof error;
  const text = typeof error === 'string' ? JSON.stringify(error) : safeString(error);
  return {
    ename: 'NonErrorThrown',
    evalue:
      `${text} (the cell threw or rejected with ${kind === 'undefined' || kind === 'null' ? kind : `a ${kind}`}, not an Error, ` +
      'so there is no traceback; throw new Error(...) to get one)'
  };
}

/**
 * An end-of-run warning for stderr; "Task exception was never retrieved" (and shutdown errors)
 * get the task's traceback as Python's asyncio logs it, from the exception the report carries.
 */
export function warningText(detail: WarningDetail, registry: CellRegistry): string {
  const warning = detail.text;
  if (!/never retrieved|during shutdown/.test(warning)) return warning + '\n';
  const error = detail.error;
  if (!(error instanceof Error)) return warning + '\n';
  const frames = errorFrames(error, registry);
  if (frames.length === 0) return warning + '\n';
  const lines = [warning, 'Traceback (most recent call last):'];
  for (const frame of elideRepeats(frames)) {
    if (typeof frame === 'number') {
      lines.push(`  ${repeatedLine(frame)}`);
      continue;
    }
    lines.push(
      `  Cell ${frame.cell.cellLabel}, line ${frame.line}, column ${frame.column}${frame.functionName ? `, in ${frame.functionName}` : ''}`
    );
    lines.push(`    ${(frame.cell.source.split(/\r?\n/)[frame.line - 1] ?? '').trim()}`);
  }
  const { ename, evalue } = describe(error);
  lines.push(evalue === '' ? ename : `${ename}: ${evalue}`);
  return lines.join('\n') + '\n';
}

function errorBody(error: unknown, registry: CellRegistry, indent: string): string[] {
  const { ename, evalue } = describe(error);
  const lines: string[] = [];
  const frames = errorFrames(error, registry);
  for (const item of elideRepeats(frames)) {
    const block = typeof item === 'number' ? [repeatedLine(item), ''] : frameBlock(item);
    lines.push(...block.map(l => indent + l));
  }
  lines.push(indent + finalLine(ename, evalue));
  const cause = error instanceof Error ? error.cause : undefined;
  const subs = error !== null && typeof error === 'object' ? (error as { exceptions?: unknown }).exceptions : undefined;
  if (Array.isArray(subs)) {
    subs.forEach((sub, i) => {
      lines.push(`${indent}+---------------- ${i + 1} ----------------`);
      lines.push(...errorBody(sub, registry, indent + '| '));
    });
    if (subs.length > 0) lines.push(`${indent}+------------------------------------`);
  } else if (cause !== undefined && cause !== error) {
    lines.unshift(
      ...errorBody(cause, registry, indent),
      '',
      `${indent}The above exception was the direct cause of the following exception:`,
      ''
    );
  }
  return lines;
}

function frameBlock(frame: CellFrame): string[] {
  return sourceBlock(frame.cell.cellLabel, frame.cell.source, frame.line, frame.column, frame.functionName);
}

/** "Cell cell[3], line 5, column 9, in task1" followed by the source lines and a caret. */
function sourceBlock(label: string, source: string, line: number, column: number, fn: string | undefined): string[] {
  const lines = source.split(/\r?\n/);
  const where = `Cell ${GREEN}${label}${RESET}, line ${GREEN}${line}${RESET}, column ${column}${fn ? `, in ${CYAN}${fn}${RESET}` : ''}`;
  const out = [where];
  const width = String(line).length + 5;
  for (let n = Math.max(1, line - 2); n <= line && n <= lines.length; n++) {
    const number = String(n).padStart(width - 5);
    const prefix =
      n === line ? `${GREEN}---->${RESET} ${GREEN}${number}${RESET}` : `${' '.repeat(6)}${GREEN}${number}${RESET}`;
    out.push(`${prefix} ${lines[n - 1]}`);
  }
  out.push(`${' '.repeat(width + 2 + column - 1)}${RED}^${RESET}`);
  out.push('');
  return out;
}

/** "Name: message", or just "Name" when the message is empty (Python prints `CancelledError`). */
function finalLine(ename: string, evalue: string): string {
  return evalue === '' ? `${RED}${ename}${RESET}` : `${RED}${ename}${RESET}: ${evalue}`;
}

function header(ename: string): string {
  return `${RED}${ename}${RESET}${' '.repeat(Math.max(1, 42 - ename.length))}Traceback (most recent call last)`;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
