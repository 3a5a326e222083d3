/**
 * Finds out whether another extension provides JupyterLab's cell executor instead of ours (e.g.
 * jupyter-collaboration's, or JupyterLab's default one re-enabled): then coroutine cells would go
 * to the kernel. Pure, so it is unit-tested in Node.
 */

/** Plugins known to provide INotebookCellExecutor. */
export const KNOWN_EXECUTOR_PLUGINS = [
  '@jupyterlab/notebook-extension:cell-executor',
  '@jupyter/docprovider-extension:notebook-cell-executor',
  'jupyter-server-nbmodel:notebook-cell-executor',
  '@jupyter-ai-contrib/server-documents:server-cell-executor'
];

/** What is known about the executor in use. */
export interface ExecutorFacts {
  /** The id of the plugin that provides the executor, when the application can tell. */
  providerId?: string | null;
  /** Whether the executor JupyterLab resolved carries this extension's mark (undefined: unknown). */
  executorIsOurs?: boolean;
  /** This extension's executor plugin id. */
  ourId: string;
  /** The ids of the activated plugins. */
  activePlugins: readonly string[];
}

/** The id of the competing executor plugin, or null when ours is the one in use. */
export function findExecutorConflict(facts: ExecutorFacts): string | null {
  if (facts.executorIsOurs === true) {
    return null;
  }
  if (facts.providerId) {
    return facts.providerId === facts.ourId ? null : facts.providerId;
  }
  // The provider is unknown: a known competitor that is active is the best evidence there is.
  const known = KNOWN_EXECUTOR_PLUGINS.find(id => facts.activePlugins.includes(id)) ?? null;
  return known ?? (facts.executorIsOurs === false ? 'another extension' : null);
}
