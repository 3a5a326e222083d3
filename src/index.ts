/**
 * jupyterlab-coroutine-cells: the JupyterLab plugins. Each plugin is a file in src/plugins/.
 */
import type { JupyterFrontEndPlugin } from '@jupyterlab/application';
import { executorPlugin } from './plugins/executor';

const plugins: JupyterFrontEndPlugin<any>[] = [executorPlugin];

export default plugins;
