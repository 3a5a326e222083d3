/**
 * Keeps a row drawable: a task with thousands of steps (a long loop of short sleeps) is redrawn
 * as fixed time bins, each in its dominant state, with the mix in the tooltip.
 */
import type { Segment } from './chart-model';
import { formatCount } from './format';
import { STATE_STYLES, type ChartState } from './states';

/** Most sub-pixel spans a row may have before it is redrawn in bins. */
const MAX_SHORT_SPANS = 100;

/**
 * Returns `segments` unchanged when there are at most `max` of them and few shorter than
 * `minWidth` (seconds; about two pixels); else bins of at least `minWidth`, at most `max` / 2.
 */
export function capSegments(segments: Segment[], max: number, minWidth: number): Segment[] {
  if (segments.length === 0) return segments;
  let short = 0;
  for (const seg of segments) if (seg.end - seg.start < minWidth) short++;
  if (segments.length <= max && short <= MAX_SHORT_SPANS) return segments;
  const start = segments[0].start;
  const end = segments[segments.length - 1].end;
  const byWidth = minWidth > 0 ? Math.floor((end - start) / minWidth) : Infinity;
  const binCount = Math.max(1, Math.min(Math.floor(max / 2), byWidth));
  const width = (end - start) / binCount;
  const bins = Array.from({ length: binCount }, () => ({ time: new Map<ChartState, number>(), steps: 0 }));
  const binOf = (t: number) => (width > 0 ? Math.min(binCount - 1, Math.max(0, Math.floor((t - start) / width))) : 0);
  for (const seg of segments) {
    bins[binOf(seg.start)].steps += seg.steps;
    const first = binOf(seg.start);
    const last = binOf(seg.end);
    for (let b = first; b <= last; b++) {
      const lo = Math.max(seg.start, start + b * width);
      const hi = width > 0 ? Math.min(seg.end, start + (b + 1) * width) : seg.end;
      if (hi > lo) bins[b].time.set(seg.state, (bins[b].time.get(seg.state) ?? 0) + hi - lo);
    }
  }
  return bins.flatMap((bin, b): Segment[] => {
    const total = [...bin.time.values()].reduce((sum, v) => sum + v, 0);
    if (total <= 0 && bin.steps === 0) return [];
    let dominant: ChartState = 'running';
    let best = 0;
    for (const { state } of STATE_STYLES) {
      const v = bin.time.get(state) ?? 0;
      if (v > best) [dominant, best] = [state, v];
    }
    const mix = STATE_STYLES.filter(s => (bin.time.get(s.state) ?? 0) > 0)
      .map(s => `${s.state} ${Math.round((100 * (bin.time.get(s.state) ?? 0)) / total)}%`)
      .join(', ');
    const detail = `many short spans: ${mix || 'running'}; ${formatCount(bin.steps)} steps`;
    const lo = start + b * width;
    return [{ state: dominant, start: lo, end: lo + width, detail, steps: bin.steps }];
  });
}
