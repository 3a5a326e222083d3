/**
 * Checks every message that comes from a runtime before the main thread acts on it. A cell can
 * call the worker's own `postMessage` (or break the runtime's internals), so a message may be
 * anything: `null`, an output whose `text` is a number, a MIME bundle with a function in it...
 * Nothing malformed reaches the notebook's output model; the caller reports the problem instead.
 */
import type { CellProgress, FromRuntime, NbOutput } from '../protocol';

/** A checked message, or what is wrong with it. */
export type CheckedMessage = { ok: true; message: FromRuntime } | { ok: false; problem: string };

const STATUSES = ['ok', 'error', 'interrupted'];
/** Longest rendering of a bad value in a problem message. */
const SHOWN_CHARS = 60;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, safe description of any value (never throws, even for hostile objects). */
export function describeMessageValue(value: unknown): string {
  let text: string;
  try {
    text =
      typeof value === 'string'
        ? JSON.stringify(value)
        : isRecord(value)
          ? `{${Object.keys(value).join(', ')}}`
          : String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS - 3)}...` : text;
}

/** True for JSON data (what nbformat can store), checked to a bounded depth. */
function isJson(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(item => isJson(item, depth + 1));
  if (isRecord(value)) return Object.values(value).every(item => isJson(item, depth + 1));
  return false;
}

/** What is wrong with an nbformat output from the runtime, or null when it is well formed. */
export function checkOutput(output: unknown): string | null {
  if (!isRecord(output)) return `an output must be an object, got ${describeMessageValue(output)}`;
  switch (output.output_type) {
    case 'stream':
      if (output.name !== 'stdout' && output.name !== 'stderr')
        return `a stream output needs name "stdout" or "stderr", got ${describeMessageValue(output.name)}`;
      if (typeof output.text !== 'string')
        return `a stream output needs a string "text", got ${describeMessageValue(output.text)}`;
      return null;
    case 'display_data':
    case 'execute_result':
      if (!isRecord(output.data) || !isJson(output.data))
        return `a ${output.output_type} output needs a JSON object "data"`;
      if (
        !Object.values(output.data).every(value => typeof value === 'string' || isRecord(value) || Array.isArray(value))
      ) {
        return `a ${output.output_type} output's data must map MIME types to strings or JSON objects`;
      }
      if (output.metadata !== undefined && (!isRecord(output.metadata) || !isJson(output.metadata))) {
        return `a ${output.output_type} output's "metadata" must be a JSON object`;
      }
      if (
        output.output_type === 'execute_result' &&
        output.execution_count !== null &&
        typeof output.execution_count !== 'number'
      ) {
        return `an execute_result needs a number or null "execution_count", got ${describeMessageValue(output.execution_count)}`;
      }
      return null;
    case 'error':
      if (typeof output.ename !== 'string' || typeof output.evalue !== 'string')
        return 'an error output needs string "ename" and "evalue"';
      if (!Array.isArray(output.traceback) || !output.traceback.every(line => typeof line === 'string')) {
        return 'an error output needs a "traceback" that is a list of strings';
      }
      return null;
    default:
      return `unknown output_type ${describeMessageValue(output.output_type)}`;
  }
}

const PROGRESS_NUMBERS = ['elapsedMs', 'time', 'tasksAlive', 'steps'] as const;

/** What is wrong with a progress report from the runtime, or null when it is well formed. */
export function checkProgress(progress: unknown): string | null {
  if (!isRecord(progress)) return `"progress" must be an object, got ${describeMessageValue(progress)}`;
  if (progress.clock !== 'virtual' && progress.clock !== 'real')
    return `"progress.clock" must be "virtual" or "real", got ${describeMessageValue(progress.clock)}`;
  for (const key of PROGRESS_NUMBERS) {
    const n = progress[key];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 0)
      return `"progress.${key}" must be a finite number >= 0, got ${describeMessageValue(n)}`;
  }
  if (progress.chart !== undefined && (!isRecord(progress.chart) || !isJson(progress.chart)))
    return '"progress.chart" must be a JSON object (a Vega-Lite spec)';
  return null;
}

/** Checks one message from the runtime (the `data` of a worker's message event). */
export function checkFromRuntime(value: unknown): CheckedMessage {
  if (!isRecord(value))
    return { ok: false, problem: `a message must be an object, got ${describeMessageValue(value)}` };
  const bad = (problem: string): CheckedMessage => ({
    ok: false,
    problem: `${describeMessageValue(value.type)} message: ${problem}`
  });
  switch (value.type) {
    case 'ready':
      return { ok: true, message: { type: 'ready' } };
    case 'output': {
      if (typeof value.requestId !== 'string') return bad('"requestId" must be a string');
      const problem = checkOutput(value.output);
      if (problem !== null) return bad(problem);
      return {
        ok: true,
        message: { type: 'output', requestId: value.requestId, output: normalise(value.output as NbOutput) }
      };
    }
    case 'progress': {
      if (typeof value.requestId !== 'string') return bad('"requestId" must be a string');
      const problem = checkProgress(value.progress);
      if (problem !== null) return bad(problem);
      return {
        ok: true,
        message: { type: 'progress', requestId: value.requestId, progress: value.progress as CellProgress }
      };
    }
    case 'done':
      if (typeof value.requestId !== 'string') return bad('"requestId" must be a string');
      if (!STATUSES.includes(value.status as string))
        return bad(`"status" must be one of ${STATUSES.join(', ')}, got ${describeMessageValue(value.status)}`);
      return { ok: true, message: { type: 'done', requestId: value.requestId, status: value.status as 'ok' } };
    case 'fatal':
      return {
        ok: true,
        message: {
          type: 'fatal',
          message: typeof value.message === 'string' ? value.message : describeMessageValue(value.message)
        }
      };
    case 'closing':
      return {
        ok: true,
        message: { type: 'closing', reason: typeof value.reason === 'string' ? value.reason : 'close() was called' }
      };
    case 'pong':
      if (typeof value.seq !== 'number') return bad('"seq" must be a number');
      return { ok: true, message: { type: 'pong', seq: value.seq } };
    default:
      return { ok: false, problem: `unknown message type ${describeMessageValue(value.type)}` };
  }
}

/** Gives display outputs the metadata object nbformat requires. */
function normalise(output: NbOutput): NbOutput {
  if (
    (output.output_type === 'display_data' || output.output_type === 'execute_result') &&
    output.metadata === undefined
  ) {
    return { ...output, metadata: {} };
  }
  return output;
}
