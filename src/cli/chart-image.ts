/** Adds a static PNG of the timing chart to a chart bundle, for viewers that run no JavaScript. */
import { VEGALITE_MIME, type NbOutput } from '../protocol';

/** How many task rows the alt text names before it says "and N more". */
const ALT_ROWS = 8;

const ENDINGS: Record<string, string> = { '=': 'returned', '!': 'raised', x: 'was cancelled', '?': 'never finished' };

/**
 * The chart's alt text, from its plain-text timeline: the one-line summary, then how each task
 * row ended ("Timing chart. Completed: 3 tasks, 3 s of virtual time, 7 steps. main returned
 * undefined; task2 returned \"Task 2 result\"."), for screen readers and exports without images.
 */
export function chartAltText(timeline: string): string {
  const lines = timeline.split('\n');
  const rows: string[] = [];
  for (const line of lines.slice(3)) {
    if (line.startsWith('legend:') || line.trim() === '') break;
    const match = /^\s*(\S+)\s.*?\s{2}([=!x?])(?: (.*))?$/.exec(line);
    if (match) rows.push(`${match[1]} ${ENDINGS[match[2]]}${match[3] && match[2] !== 'x' ? ` ${match[3]}` : ''}`);
  }
  const more = rows.length > ALT_ROWS ? `; and ${rows.length - ALT_ROWS} more rows` : '';
  const named = rows.length ? ` ${rows.slice(0, ALT_ROWS).join('; ')}${more}.` : '';
  return `Timing chart. ${lines[0].replace(/\.?$/, '.')}${named}`;
}

/** nbformat keeps a PNG as base64 text; a chart bundle gets one (with alt text), other outputs are unchanged. */
export async function addChartImage(output: NbOutput, warn: (text: string) => void): Promise<NbOutput> {
  if (output.output_type !== 'display_data' || output.data[VEGALITE_MIME] === undefined) return output;
  try {
    // Loaded on first use: vega and resvg cost a CLI run that writes no chart nothing.
    const { renderChartPng } = await import('../chart/render-png');
    const png = await renderChartPng(output.data[VEGALITE_MIME] as object);
    const text = output.data['text/plain'];
    const alt = chartAltText(Array.isArray(text) ? text.join('') : String(text ?? ''));
    return {
      ...output,
      data: { ...output.data, 'image/png': Buffer.from(png).toString('base64') },
      metadata: { ...output.metadata, 'image/png': { alt } }
    };
  } catch (error) {
    warn(`coroutine-cells: the chart image could not be rendered: ${String(error)}\n`);
    return output;
  }
}
