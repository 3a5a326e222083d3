import { getRunningLoop } from './loop-state';
import { codeLocator } from './code-locator';
import type { TraceEvent } from './trace-events';

/** Prints per run whose cell line is looked up for the trace (the chart marks at most 500). */
const MAX_LOCATED_PRINTS = 500;

/** Writes to the host's stdout/stderr when no loop (or no onOutput) takes the text. */
function writeToHost(stream: 'stdout' | 'stderr', text: string): void {
  const proc = (
    globalThis as { process?: { stdout?: { write(s: string): void }; stderr?: { write(s: string): void } } }
  ).process;
  const target = proc && (stream === 'stdout' ? proc.stdout : proc.stderr);
  if (target) target.write(text);
  else if (stream === 'stdout') console.log(text.replace(/\n$/, ''));
  else console.error(text.replace(/\n$/, ''));
}

/** Records printed text in the trace (with the current task) and forwards it to onOutput. */
export function emitOutput(stream: 'stdout' | 'stderr', text: string): void {
  if (stream !== 'stdout' && stream !== 'stderr') {
    throw new TypeError(`emitOutput(): stream must be 'stdout' or 'stderr', got ${String(stream)}`);
  }
  const value = String(text);
  const loop = getRunningLoop();
  if (loop === null) {
    writeToHost(stream, value);
    return;
  }
  if (loop.tracing) {
    const task = loop.currentTask;
    const event: Extract<TraceEvent, { type: 'print' }> = {
      type: 'print',
      t: loop.clock.now(),
      task: task === null ? null : task.id,
      stream,
      text: value
    };
    // Finding the line reads the JavaScript stack: only for the prints the chart can show.
    if (codeLocator !== null && loop.locatedPrints < MAX_LOCATED_PRINTS) {
      loop.locatedPrints++;
      const at = codeLocator.running();
      if (at !== null) {
        event.cell = at.cell;
        event.line = at.line;
      }
    }
    loop.trace.push(event);
  }
  if (loop.onOutput) loop.onOutput(stream, value);
  else writeToHost(stream, value);
}
