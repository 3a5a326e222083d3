/**
 * Chart model -> compact plain-text timeline: a title, a time scale, one line per task with its
 * states as characters and its outcome at the end, and a legend. Deterministic, ASCII states.
 * Names and values are measured in terminal columns (CJK and emoji take two) and shown with
 * bidi and other control characters escaped, so no text can shift or reverse the bars.
 */
import { dominantState, type ChartModel, type Segment, type TaskRow } from './chart-model';
import { formatCount, formatNumber, timeUnit, toAxisUnit } from './format';
import { runNotes, runTitle } from './run-title';
import { STATE_STYLES, styleOf, type ChartState } from './states';
import { timelineNotes } from './timeline-notes';
import { cutToWidth, displayWidth, neutraliseText, padToWidth } from './text-width';

/** Column intervals of the time scale (the line has one more column, for the end time). */
export const TEXT_COLUMNS = 60;
/** Longest outcome text at the end of a line. */
const OUTCOME_MAX = 60;

/** Builds the text timeline of `model`. */
export function buildTextTimeline(model: ChartModel, columns = TEXT_COLUMNS): string {
  const { clock, endTime } = model.run;
  // `columns` intervals: t = 0 is the first column and t = endTime the last.
  const width = endTime > 0 ? columns + 1 : 1;
  const col = (t: number) => (endTime > 0 ? Math.min(columns, Math.max(0, Math.round((t / endTime) * columns))) : 0);
  const labels = model.rows.map(r => neutraliseText(r.textLabel));
  if (model.summary) labels.push(neutraliseText(model.summary.label));
  const header = `time (${timeUnit(clock)})`;
  const labelWidth = labels.reduce((most, l) => Math.max(most, displayWidth(l)), Math.max(8, header.length));
  const pad = (s: string) => padToWidth(s, labelWidth);

  const lines = [runTitle(model), ...runNotes(model)].map(neutraliseText);
  const scale = timeScale(endTime, width, col);
  lines.push(`${pad(header)}  ${scale.labels(v => formatNumber(toAxisUnit(v, clock), 3))}`.trimEnd());
  lines.push(`${pad('')}  ${scale.ruler}`);
  const used = new Set<ChartState>();
  model.rows.forEach((row, i) => {
    const cells = paint(row.segments, width, col, used);
    lines.push(`${pad(labels[i])}  ${cells}  ${outcomeText(row)}`.trimEnd());
  });
  if (model.rows.length === 0 && !model.summary) lines.push(`${pad('(no tasks)')}`.trimEnd());
  if (model.summary) {
    const segments: Segment[] = model.summary.bins.map(bin => ({
      state: dominantState(bin),
      start: bin.start,
      end: bin.end,
      detail: '',
      steps: bin.steps
    }));
    const o = model.summary.outcomes;
    const ends = `${formatCount(o.result)} returned, ${formatCount(o.exception)} raised, ${formatCount(o.cancelled)} cancelled`;
    lines.push(`${pad(model.summary.label)}  ${paint(segments, width, col, used)}  ${ends}`.trimEnd());
  }
  lines.push(...timelineNotes(model).map(neutraliseText));
  const legend = STATE_STYLES.filter(s => used.has(s.state)).map(s => `${s.char} ${s.legend}`);
  lines.push(`legend: ${[...legend, '= returned', '! raised', 'x cancelled', '? never finished'].join(', ')}`);
  return lines.join('\n') + '\n';
}

/** Draws segments into a line: waits first, then ready, then running on top (instants stay visible). */
function paint(segments: Segment[], width: number, col: (t: number) => number, used: Set<ChartState>): string {
  const cells = new Array<string>(width).fill(' ');
  // Instants of other states (an outside wait in virtual time) go over the running around them.
  const rank = (seg: Segment) =>
    seg.state === 'running'
      ? 3
      : seg.end === seg.start
        ? 4
        : seg.state === 'blocking'
          ? 2
          : seg.state === 'ready'
            ? 1
            : 0;
  const ordered = [...segments].sort((a, b) => rank(a) - rank(b));
  for (const seg of ordered) {
    used.add(seg.state);
    const ch = styleOf(seg.state).char;
    const from = col(seg.start);
    // A span ends where the next begins: leave its last column to the next state.
    const to = seg.end > seg.start ? Math.max(from, col(seg.end) - 1) : from;
    for (let c = from; c <= to; c++) cells[c] = ch;
  }
  return cells.join('');
}

function outcomeText(row: TaskRow): string {
  const cut = (s: string) => cutToWidth(neutraliseText(s), OUTCOME_MAX);
  if (!row.outcome) return row.markers.some(m => m.kind === 'unfinished') ? '? never finished' : '';
  const detail = cut(row.outcome.detail.replace(/\s*\n\s*/g, ' '));
  switch (row.outcome.outcome) {
    case 'result':
      return `= ${detail}`;
    case 'exception':
      return `! ${detail}`;
    case 'cancelled':
      return `x ${detail || 'cancelled'}`;
  }
}

/** A ruler with "|" at nice tick times and their labels above it. */
function timeScale(endTime: number, width: number, col: (t: number) => number) {
  const ticks = endTime > 0 ? niceTicks(endTime, Math.max(2, Math.floor(width / 10))) : [0];
  const ruler = new Array<string>(width).fill('-');
  for (const t of ticks) ruler[col(t)] = '|';
  return {
    ruler: ruler.join(''),
    labels(format: (t: number) => string): string {
      const out = new Array<string>(width + 12).fill(' ');
      let free = 0;
      for (const t of ticks) {
        const text = format(t);
        const at = col(t);
        if (at < free) continue; // would overlap the previous label
        for (let i = 0; i < text.length; i++) out[at + i] = text[i];
        free = at + text.length + 1;
      }
      return out.join('');
    }
  };
}

/** Tick values 0, step, 2*step, ... <= end with a 1/2/5 step giving at most `count` intervals. */
function niceTicks(end: number, count: number): number[] {
  const raw = end / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map(m => m * power).find(s => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = 0; i * step <= end * (1 + 1e-9); i++) ticks.push(Math.round(i * step * 1e9) / 1e9);
  return ticks;
}
