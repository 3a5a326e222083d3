import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { Notification } from '@jupyterlab/apputils';
import { INotebookCellExecutor } from '@jupyterlab/notebook';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import type { Token } from '@lumino/coreutils';
import { findExecutorConflict } from './executor-conflict';
import { EXECUTOR_PLUGIN_ID, isCoroutineExecutor } from './executor';

/** The plugin id (no settings). */
export const EXECUTOR_CHECK_PLUGIN_ID = 'jupyterlab-coroutine-cells:executor-check';

/** The id of the plugin providing `token`; Lumino has no public API for it, so this may be null. */
function providerOf(app: JupyterFrontEnd, token: Token<unknown>): string | null {
  try {
    const registry = (app as unknown as { pluginRegistry?: { _services?: Map<Token<unknown>, string> } })
      .pluginRegistry;
    return registry?._services?.get(token) ?? null;
  } catch {
    return null;
  }
}

/**
 * Tells the user, once the application is restored, when another installed extension provides the
 * notebook cell executor: coroutine cells would then not run on the coroutine runtime.
 */
export const executorCheckPlugin: JupyterFrontEndPlugin<void> = {
  id: EXECUTOR_CHECK_PLUGIN_ID,
  description: 'Warns when another extension provides the notebook cell executor, so coroutine cells would not run.',
  autoStart: true,
  optional: [ITranslator],
  activate: (app: JupyterFrontEnd, translator: ITranslator | null) => {
    const trans = (translator ?? nullTranslator).load('jupyterlab_coroutine_cells');
    void app.restored.then(async () => {
      // The executor JupyterLab will use; resolving it cannot fail the check.
      const executor = await app.resolveOptionalService(INotebookCellExecutor).catch(() => null);
      const conflict = findExecutorConflict({
        executorIsOurs: executor ? isCoroutineExecutor(executor) : undefined,
        providerId: providerOf(app, INotebookCellExecutor as Token<unknown>),
        ourId: EXECUTOR_PLUGIN_ID,
        activePlugins: app.listPlugins().filter(id => app.isPluginActivated(id))
      });
      if (conflict) {
        Notification.error(
          trans.__(
            'TypeScript coroutine cells cannot run: the extension plugin "%1" also provides the notebook cell executor and JupyterLab uses it instead of jupyterlab-coroutine-cells. Disable one of them (for example: jupyter labextension disable "%1") and reload.',
            conflict
          ),
          { autoClose: false }
        );
      }
    });
  }
};
