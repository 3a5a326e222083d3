/** Legend names, shapes, colours and text characters of the point markers (prints, endings). */
import type { MarkerKind } from './chart-model';

/** Presentation of every marker kind, in legend order. */
export const MARKER_STYLES: ReadonlyArray<{ kind: MarkerKind; legend: string; shape: string; color: string }> = [
  { kind: 'print', legend: 'print', shape: 'triangle-down', color: '#F0E442' },
  { kind: 'cancel requested', legend: 'cancel requested', shape: 'diamond', color: '#E69F00' },
  { kind: 'returned', legend: 'returned a result', shape: 'circle', color: '#009E73' },
  { kind: 'raised', legend: 'raised an exception', shape: 'cross', color: '#D55E00' },
  { kind: 'cancelled', legend: 'cancelled', shape: 'square', color: '#999999' },
  { kind: 'unfinished', legend: 'never finished', shape: 'triangle-right', color: '#CC79A7' }
];

/** Looks up the presentation of one marker kind. */
export function markerStyleOf(kind: MarkerKind): { kind: MarkerKind; legend: string; shape: string; color: string } {
  const style = MARKER_STYLES.find(s => s.kind === kind);
  if (!style) throw new Error(`markerStyleOf(): unknown marker kind ${JSON.stringify(kind)}`);
  return style;
}
