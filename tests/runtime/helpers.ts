/** Shared helpers for runtime tests. */
import { CellSession } from '../../src/runtime/cell-session';
import { DEFAULT_CELL_OPTIONS, type CellOptions, type NbOutput } from '../../src/protocol';

/** Options without the chart, so outputs are only what the cell produced. */
export const NO_CHART: CellOptions = {
  ...DEFAULT_CELL_OPTIONS,
  chart: { ...DEFAULT_CELL_OPTIONS.chart, enabled: false }
};

/** Joins the text of one stream. */
export function streamText(outputs: NbOutput[], name: 'stdout' | 'stderr'): string {
  return outputs.map(o => (o.output_type === 'stream' && o.name === name ? o.text : '')).join('');
}

/** The error output, if any. */
export function errorOf(outputs: NbOutput[]): Extract<NbOutput, { output_type: 'error' }> | undefined {
  return outputs.find((o): o is Extract<NbOutput, { output_type: 'error' }> => o.output_type === 'error');
}

/** Removes ANSI colours from traceback lines. */
export function plain(lines: string[]): string {
  // eslint-disable-next-line no-control-regex
  return lines.join('\n').replace(/\x1b\[[0-9;]*m/g, '');
}

/** A session that runs cells one after another, labelled cell[1], cell[2], ... */
export function notebook(options: CellOptions = NO_CHART) {
  const session = new CellSession({ outsideWaitLimitMs: 300 });
  let count = 0;
  return {
    session,
    run: (source: string) => {
      count++;
      return session.runCell({ source, cellLabel: `cell[${count}]`, executionCount: count, options });
    }
  };
}
