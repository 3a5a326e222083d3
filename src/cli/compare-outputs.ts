/**
 * `coroutine-cells check`: compares a cell's stored outputs with a fresh run's. Virtual time makes
 * runs exact, so any difference is a real change. The chart's PNG is left out of the comparison:
 * it is a rendering of the compared Vega-Lite spec, and its bytes depend on the renderer version.
 */
import type { NbOutput } from '../protocol';

/** MIME types not compared (renderings of other, compared data). */
const RENDERED_ONLY = new Set(['image/png']);

/** The differences between stored and fresh outputs of one cell, as readable lines; [] if equal. */
export function compareOutputs(stored: NbOutput[], fresh: NbOutput[]): string[] {
  const a = stored.map(comparable);
  const b = fresh.map(comparable);
  const differences: string[] = [];
  if (a.length !== b.length) {
    differences.push(`${a.length} stored outputs, ${b.length} now (${kinds(stored)} vs ${kinds(fresh)})`);
  }
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      differences.push(`output ${i + 1} (${fresh[i].output_type}) differs: ${firstDifference(a[i], b[i])}`);
    }
  }
  return differences;
}

function kinds(outputs: NbOutput[]): string {
  return outputs.map(o => o.output_type).join(', ') || 'none';
}

/** A canonical JSON text of the output without the parts that are not compared. */
function comparable(output: NbOutput): string {
  if (output.output_type === 'display_data' || output.output_type === 'execute_result') {
    const data = Object.fromEntries(Object.entries(output.data).filter(([mime]) => !RENDERED_ONLY.has(mime)));
    // The PNG's own metadata (its alt text) goes with the PNG.
    const metadata = Object.fromEntries(
      Object.entries(output.metadata ?? {}).filter(([mime]) => !RENDERED_ONLY.has(mime))
    );
    return canonical({ ...output, data, metadata });
  }
  return canonical(output);
}

/** JSON with sorted keys, so key order does not count as a difference. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v
  );
}

/** The first differing place of two texts, with a little context. */
function firstDifference(stored: string, fresh: string): string {
  let i = 0;
  while (i < stored.length && i < fresh.length && stored[i] === fresh[i]) i++;
  const context = (text: string) => JSON.stringify(text.slice(Math.max(0, i - 30), i + 50));
  return `stored …${context(stored)}… now …${context(fresh)}…`;
}
