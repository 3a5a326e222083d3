/** Test helper: one source as one cell in a fresh session. */
import { CellSession, type CellSessionOptions } from '../../src/runtime/cell-session';
import { DEFAULT_CELL_OPTIONS, type CellOptions, type CellStatus, type NbOutput } from '../../src/protocol';
import type { Trace } from '../../src/scheduler/trace-events';

/** What runSource gives back: the outputs plus the stream texts joined. */
export interface SourceResult {
  status: CellStatus;
  outputs: NbOutput[];
  trace: Trace;
  stdout: string;
  stderr: string;
}

/** Options of runSource: cell options over the defaults, plus session and streaming options. */
export type RunSourceOptions = Partial<Omit<CellOptions, 'chart'>> & {
  chart?: Partial<CellOptions['chart']>;
  cellLabel?: string;
  session?: CellSessionOptions;
  onOutput?: (output: NbOutput) => void;
};

/** Runs `source` as one cell in a fresh session. */
export async function runSource(source: string, options: RunSourceOptions = {}): Promise<SourceResult> {
  const { cellLabel = 'cell[1]', session: sessionOptions, onOutput, chart, ...rest } = options;
  const cellOptions: CellOptions = {
    ...DEFAULT_CELL_OPTIONS,
    ...rest,
    chart: { ...DEFAULT_CELL_OPTIONS.chart, ...chart }
  };
  const session = new CellSession(sessionOptions);
  const result = await session.runCell({ source, cellLabel, executionCount: 1, options: cellOptions }, onOutput);
  const text = (name: 'stdout' | 'stderr') =>
    result.outputs.map(o => (o.output_type === 'stream' && o.name === name ? o.text : '')).join('');
  return { ...result, stdout: text('stdout'), stderr: text('stderr') };
}
