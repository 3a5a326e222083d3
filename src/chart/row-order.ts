/**
 * Puts the shown rows in depth-first order by parent (children right under their parent, in
 * creation order) and gives each a unique, shortened, indented label.
 */
import type { TaskRow } from './chart-model';
import { ellipsize, oneLine } from './format';

/** Longest task name on the y axis before it is cut with an ellipsis (full name in tooltips). */
export const LABEL_MAX = 32;

/**
 * Chart label prefix for a nesting depth: "↳ " after no-break spaces. Vega trims label text
 * (JS trim() also removes no-break spaces), so a leading zero-width space keeps the indent.
 */
export function chartIndent(depth: number): string {
  if (depth <= 0) return '';
  return '\u200b' + '\u00a0\u00a0\u00a0\u00a0'.repeat(Math.min(depth, 8) - 1) + '\u21b3\u00a0';
}

/** Text-timeline indentation: two spaces per level. */
export function textIndent(depth: number): string {
  return '  '.repeat(Math.min(depth, 8));
}

/** Returns `rows` (given in creation order) in depth-first order, with `depth` and `label` set. */
export function orderRows(rows: TaskRow[], reservedLabels: string[] = []): TaskRow[] {
  const byId = new Map<number, TaskRow>();
  for (const row of rows) byId.set(row.id, row);
  const children = new Map<number, TaskRow[]>();
  const roots: TaskRow[] = [];
  for (const row of rows) {
    const parent = row.parent === null ? undefined : byId.get(row.parent);
    // A parent that is not shown (a left-out cell body) makes the row top-level.
    if (parent === undefined || parent === row) roots.push(row);
    else {
      const list = children.get(parent.id);
      if (list) list.push(row);
      else children.set(parent.id, [row]);
    }
  }
  const ordered: TaskRow[] = [];
  // Iterative depth-first walk: deep nesting must not overflow the call stack.
  const stack: Array<{ row: TaskRow; depth: number }> = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ row: roots[i], depth: 0 });
  while (stack.length > 0) {
    const { row, depth } = stack.pop()!;
    row.depth = depth;
    ordered.push(row);
    const kids = children.get(row.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ row: kids[i], depth: depth + 1 });
  }
  labelRows(ordered, reservedLabels);
  return ordered;
}

/** Sets unique labels: indentation by depth, the name shortened; duplicates get " #id". */
function labelRows(rows: TaskRow[], reservedLabels: string[]): void {
  const names = rows.map(row => ellipsize(oneLine(row.name) || '(unnamed)', LABEL_MAX));
  const base = rows.map((row, i) => chartIndent(row.depth) + names[i]);
  const seen = new Map<string, number>();
  for (const label of [...base, ...reservedLabels]) seen.set(label, (seen.get(label) ?? 0) + 1);
  rows.forEach((row, i) => {
    const suffix = (seen.get(base[i]) ?? 0) > 1 ? ` #${row.id}` : '';
    row.label = base[i] + suffix;
    row.textLabel = textIndent(row.depth) + names[i] + suffix;
  });
}
