import type { ICodeCellModel } from '@jupyterlab/cells';
import { KernelError, type INotebookCellExecutor } from '@jupyterlab/notebook';
import type { KernelMessage } from '@jupyterlab/services';
import { nullTranslator } from '@jupyterlab/translation';
import type { CellOptions, CellStatus, NbOutput } from '../protocol';
import { METADATA_KEY } from './cell-metadata';
import { LiveProgress } from './live-progress';
import type { NotebookRuntime } from './runtime-registry';
import { checkBeforeRun } from './type-check-gate';

/** Runs one coroutine cell on its notebook's runtime, the way CodeCell.execute runs a kernel cell. */
export async function runCoroutineCell(
  options: INotebookCellExecutor.IRunCellOptions,
  runtime: NotebookRuntime,
  cellOptions: CellOptions,
  interruptsWhenQueued = runtime.interrupts
): Promise<{ ok: boolean; value: boolean }> {
  const { cell, notebookConfig } = options;
  const original = cell.model as ICodeCellModel;
  const source = original.sharedModel.getSource();
  if (!source.trim()) {
    original.sharedModel.transact(() => original.clearExecution(), false);
    return { ok: true, value: true };
  }
  // Moving a cell while it runs replaces its model by a copy with the same id: follow the id, so
  // the rest of the outputs and the count land in the moved cell. A deleted cell has none.
  const cellId = original.id;
  const target = (): ICodeCellModel | null => {
    if (!original.isDisposed) return original;
    for (const candidate of options.notebook.cells) {
      if (candidate.id === cellId && candidate.type === 'code' && !candidate.isDisposed)
        return candidate as ICodeCellModel;
    }
    return null;
  };
  const recordTiming = notebookConfig.recordTiming;
  const timing: Record<string, string> = {};
  const stamp = (label: string) => {
    const model = target();
    if (recordTiming && model) {
      timing[label] = new Date().toISOString();
      model.setMetadata('execution', { ...timing });
    }
  };
  stamp('iopub.status.busy');
  stamp('iopub.execute_input');
  stamp('shell.execute_reply.started');
  let lastError: NbOutput | null = null;
  // The runtime resolves the cell's options (resolveCellOptions: settings < notebook metadata <
  // cell metadata < first-line directive), so JupyterLab and the CLI apply them the same way.
  const metadata = {
    notebook: plainJson(options.notebook.getMetadata(METADATA_KEY)),
    cell: plainJson(original.getMetadata(METADATA_KEY))
  };
  // typeCheck (src/plugins/type-check-gate.ts): type errors first; with `error` the cell does not run.
  // An Interrupt after the cell was queued ([*]), before it reaches the runtime (the check may wait
  // up to 3 s for the language service), must not be lost: the cell does not run.
  let gate = await checkBeforeRun(options, source);
  if (gate.run && runtime.interrupts !== interruptsWhenQueued) {
    const evalue = 'the cell was interrupted before it started (while its type check ran); nothing ran';
    const traceback = [`KeyboardInterrupt: ${evalue}`];
    const interrupted: NbOutput = { output_type: 'error', ename: 'KeyboardInterrupt', evalue, traceback };
    gate = { outputs: [...gate.outputs, interrupted], run: false };
  }
  for (const output of gate.outputs) {
    if (output.output_type === 'error') lastError = output;
    target()?.outputs.add(output as never);
  }
  // Outputs after a chart wait for it (order is kept); see afterPaint.
  let deferred: Promise<void> | null = null;
  const add = (output: NbOutput): void => void target()?.outputs.add(output as never);
  // Progress of a long run, under the cell but outside its outputs (never saved); removed below.
  const live = new LiveProgress(cell, (options.translator ?? nullTranslator).load('jupyterlab_coroutine_cells'));
  let result: { status: CellStatus; executionCount: number | null };
  try {
    result = !gate.run
      ? { status: 'error' as const, executionCount: null }
      : await runtime.run(
          { source, cellLabel: `In[${runtime.nextExecutionCount()}]`, options: cellOptions, metadata },
          output => {
            if (output.output_type === 'error') {
              lastError = output;
            }
            if (deferred === null && !isChart(output)) add(output);
            else deferred = (deferred ?? Promise.resolve()).then(afterPaint).then(() => add(output));
          },
          progress => live.show(progress)
        );
    if (deferred !== null) await deferred;
  } finally {
    // The final chart (added just above) takes the live view's place once it is drawn.
    live.disposeAfterChart(deferred !== null);
  }
  const model = target();
  if (!model) {
    return { ok: result.status === 'ok', value: false };
  }
  stamp('shell.execute_reply');
  stamp('iopub.status.idle');
  // Setting the count also turns the prompt from [*] back to idle (CodeCell.onStateChanged); a cell
  // that did not run keeps a null count, so it is set idle itself.
  model.executionCount = result.executionCount;
  if (result.executionCount === null) model.executionState = 'idle';
  if (result.status === 'ok') {
    options.onCellExecuted({ cell, success: true });
    return { ok: true, value: true };
  }
  const error = lastError as NbOutput | null;
  const content: KernelMessage.IExecuteReplyMsg['content'] = {
    status: 'error',
    execution_count: result.executionCount,
    ename: error?.output_type === 'error' ? error.ename : 'Error',
    evalue: error?.output_type === 'error' ? error.evalue : '',
    traceback: error?.output_type === 'error' ? error.traceback : []
  };
  options.onCellExecuted({ cell, success: false, error: new KernelError(content) });
  return { ok: false, value: false };
}

/** A copy of a metadata value that can be posted to the worker (undefined if it is not JSON). */
function plainJson(value: unknown): unknown {
  try {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  } catch {
    return undefined;
  }
}

/** True for the timing chart (or any Vega-Lite output): rendering it takes the main thread a while. */
function isChart(output: NbOutput): boolean {
  return output.output_type === 'display_data' && 'application/vnd.vegalite.v5+json' in output.data;
}

/**
 * Resolves once the browser has drawn what is in the page now (the next animation frame, then a
 * task; a hidden tab has no frames, so at most 50 ms). A chart is added after that, so the text
 * printed before it shows at once instead of waiting for Vega and JupyterLab's PNG copy of the
 * chart, which hold the main thread for a while.
 */
function afterPaint(): Promise<void> {
  return new Promise(resolve => {
    let done = false;
    const go = (): void => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(go);
    setTimeout(go, 50);
  });
}

/** Clears a cell that was executing when it was cleared before it ran (queue aborted). */
export function markAborted(model: ICodeCellModel): boolean {
  if (!model.isDisposed) {
    model.executionState = 'idle';
  }
  return false;
}
