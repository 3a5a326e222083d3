/**
 * jupyterlab-coroutine-cells: the JupyterLab plugins. Each plugin is a file in src/plugins/.
 */
import type { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { cellAppearancePlugin } from './plugins/cell-appearance';
import { cellTypePlugin } from './plugins/cell-type';
import { coroutineNotebookPlugin } from './plugins/coroutine-notebook';
import { executorCheckPlugin } from './plugins/executor-check';
import { executorPlugin } from './plugins/executor';
import { languageFeaturesPlugin } from './plugins/language-features';
import { runtimeControlPlugin } from './plugins/runtime-control';
import { runtimeRegistryPlugin } from './plugins/runtime-registry';
import { runtimeStatusPlugin } from './plugins/runtime-status';
import { safeVegaPlugin } from './plugins/safe-vega';
import { chartInteractionPlugin } from './plugins/chart-interaction';

const plugins: JupyterFrontEndPlugin<any>[] = [
  runtimeRegistryPlugin,
  executorPlugin,
  cellTypePlugin,
  cellAppearancePlugin,
  coroutineNotebookPlugin,
  runtimeControlPlugin,
  runtimeStatusPlugin,
  executorCheckPlugin,
  languageFeaturesPlugin,
  safeVegaPlugin,
  chartInteractionPlugin
];

export default plugins;
