/**
 * The text timeline's notes under the rows: who cancelled whom (each cancel request with its
 * cause) and the cell lines each task's waits, prints and raises point at, so a plain-text
 * reader gets what the chart's tooltips say.
 */
import type { ChartModel } from './chart-model';
import { formatTime } from './format';

/** At most this many cancel requests are listed (then a count). */
const MAX_CANCEL_LINES = 20;
/** At most this many cell lines per task. */
const MAX_POINTS_PER_ROW = 8;

/** The note lines (none when there is nothing to say). */
export function timelineNotes(model: ChartModel): string[] {
  const lines: string[] = [];
  const cancels = model.rows.flatMap(row =>
    row.markers.filter(m => m.kind === 'cancel requested').map(m => ({ row: row.name, t: m.t, text: m.text }))
  ).sort((a, b) => a.t - b.t);
  if (cancels.length > 0) {
    lines.push('cancel requests:');
    for (const c of cancels.slice(0, MAX_CANCEL_LINES)) lines.push(`  ${formatTime(c.t, model.run.clock)}  ${c.row}: ${c.text}`);
    if (cancels.length > MAX_CANCEL_LINES) lines.push(`  \u2026 and ${cancels.length - MAX_CANCEL_LINES} more`);
  }
  const located: string[] = [];
  for (const row of model.rows) {
    const points: string[] = [];
    const add = (what: string, at: string | undefined) => {
      const text = at === undefined ? null : `${what} ${at}`;
      if (text !== null && !points.includes(text) && points.length < MAX_POINTS_PER_ROW) points.push(text);
    };
    for (const seg of row.segments) add('waits at', seg.at);
    for (const m of row.markers) add(m.kind === 'print' ? 'prints at' : m.kind === 'raised' ? 'raises at' : 'at', m.at);
    if (points.length > 0) located.push(`  ${row.name}: ${points.join('; ')}`);
  }
  if (located.length > 0) lines.push('cell lines:', ...located);
  return lines;
}
