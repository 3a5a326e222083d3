import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import type { CodeCell, ICodeCellModel } from '@jupyterlab/cells';
import { INotebookCellExecutor, runCell as runKernelCell } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { isCoroutineCell } from './cell-metadata';
import { markAborted, runCoroutineCell } from './coroutine-executor';
import { IRuntimeRegistry, type RuntimeRegistry } from './runtime-registry';
import { RuntimeSettings } from './runtime-settings';

/** Marks this extension's executor object, so other plugins can tell it is the one in use. */
export const COROUTINE_EXECUTOR_MARK = Symbol.for('jupyterlab-coroutine-cells:executor');

/** True when `executor` is this extension's cell executor. */
export function isCoroutineExecutor(executor: unknown): boolean {
  return typeof executor === 'object' && executor !== null && COROUTINE_EXECUTOR_MARK in executor;
}

/** The plugin id; its settings schema is schema/executor.json. */
export const EXECUTOR_PLUGIN_ID = 'jupyterlab-coroutine-cells:executor';

/**
 * Provides JupyterLab's cell executor: coroutine cells run in the notebook's worker, every other
 * cell goes to JupyterLab's own runCell (the kernel). It requires only this package's runtime
 * registry, which cannot be missing,
 * and its activation cannot fail: if it failed, no notebook could open.
 */
export const executorPlugin: JupyterFrontEndPlugin<INotebookCellExecutor> = {
  id: EXECUTOR_PLUGIN_ID,
  description: 'Runs TypeScript coroutine cells in a Web Worker and every other cell on the kernel.',
  autoStart: true,
  provides: INotebookCellExecutor,
  requires: [IRuntimeRegistry],
  optional: [ISettingRegistry],
  activate: (
    _app: JupyterFrontEnd,
    runtimeRegistry: RuntimeRegistry,
    settingRegistry: ISettingRegistry | null
  ): INotebookCellExecutor => {
    const settings = new RuntimeSettings();
    if (settingRegistry) {
      // Loading settings is asynchronous and may fail; the defaults apply until (or unless) it works.
      settingRegistry
        .load(EXECUTOR_PLUGIN_ID)
        .then(loaded => settings.connect(loaded))
        .catch(reason => console.warn('coroutine-cells: settings not loaded, using defaults', reason));
    }
    const executor: INotebookCellExecutor & { [COROUTINE_EXECUTOR_MARK]: true } = {
      [COROUTINE_EXECUTOR_MARK]: true,
      runCell(options: INotebookCellExecutor.IRunCellOptions): Promise<boolean> {
        const runtime = runtimeRegistry.get(options.notebook);
        const model = options.cell.model;
        if (isCoroutineCell(model)) {
          const codeModel = model as ICodeCellModel;
          // Cleared and shown as [*] at once, like a cell queued on a kernel.
          codeModel.sharedModel.transact(
            () => {
              codeModel.clearExecution();
              (options.cell as CodeCell).outputHidden = false;
            },
            false,
            'silent-change'
          );
          codeModel.executionState = 'running';
          codeModel.trusted = true;
          options.onCellExecutionScheduled({ cell: options.cell });
          const interrupts = runtime.interrupts;
          return runtime.queue.enqueue(
            () => runCoroutineCell(options, runtime, settings.defaults, interrupts),
            () => markAborted(codeModel)
          );
        }
        return runtime.queue.enqueue(
          async () => {
            const ok = await runKernelCell(options);
            return { ok, value: ok };
          },
          () => (model.type === 'code' ? markAborted(model as ICodeCellModel) : false)
        );
      }
    };
    return executor;
  }
};
