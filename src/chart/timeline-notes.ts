/**
 * The text timeline's notes under the rows: who cancelled whom (each cancel request with its
 * cause) and the cell lines each task's waits, prints and raises point at, so a plain-text
 * reader gets what the chart's tooltips say.
 */
import type { ChartModel, CodeLine } from './chart-model';
import { formatTime } from './format';

/** At most this many cancel requests are listed (then a count). */
const MAX_CANCEL_LINES = 20;
/** At most this many line numbers per task and kind. */
const MAX_LINES_PER_KIND = 8;

type Kind = 'waits at' | 'prints at' | 'raises at';

/** The note lines (none when there is nothing to say). */
export function timelineNotes(model: ChartModel): string[] {
  const lines: string[] = [];
  const cancels = model.rows
    .flatMap(row =>
      row.markers.filter(m => m.kind === 'cancel requested').map(m => ({ row: row.name, t: m.t, text: m.text }))
    )
    .sort((a, b) => a.t - b.t);
  if (cancels.length > 0) {
    lines.push('cancel requests:');
    for (const c of cancels.slice(0, MAX_CANCEL_LINES))
      lines.push(`  ${formatTime(c.t, model.run.clock)}  ${c.row}: ${c.text}`);
    if (cancels.length > MAX_CANCEL_LINES) lines.push(`  \u2026 and ${cancels.length - MAX_CANCEL_LINES} more`);
  }
  const cells = new Set<string>();
  const perRow: { name: string; points: Map<Kind, CodeLine[]> }[] = [];
  for (const row of model.rows) {
    const points = new Map<Kind, CodeLine[]>();
    const add = (kind: Kind, at: CodeLine | undefined) => {
      if (at === undefined) return;
      const list = points.get(kind) ?? [];
      if (list.length < MAX_LINES_PER_KIND && !list.some(p => p.cell === at.cell && p.line === at.line)) list.push(at);
      points.set(kind, list);
      cells.add(at.cell);
    };
    for (const seg of row.segments) add('waits at', seg.at);
    for (const m of row.markers)
      if (m.kind === 'print' || m.kind === 'raised') add(m.kind === 'print' ? 'prints at' : 'raises at', m.at);
    if (points.size > 0) perRow.push({ name: row.name, points });
  }
  if (perRow.length === 0) return lines;
  // One cell: say it once; several: name the cell at each line.
  const single = cells.size === 1 ? [...cells][0] : null;
  const where = (p: CodeLine) => (single === null ? `${p.cell}:${p.line}` : String(p.line));
  lines.push(single === null ? 'cell lines:' : `lines of ${single}:`);
  for (const { name, points } of perRow) {
    const parts = [...points].map(([kind, list]) => `${kind} ${list.map(where).join(', ')}`);
    lines.push(`  ${name}: ${parts.join('; ')}`);
  }
  return lines;
}
