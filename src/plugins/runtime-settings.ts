import type { ISettingRegistry } from '@jupyterlab/settingregistry';
import { DEFAULT_CELL_OPTIONS, type CellOptions } from '../protocol';
import { isPythonVersion } from '../scheduler/python-version';

/**
 * The notebook-wide defaults for coroutine cells, from the Settings Editor. Changes apply to the
 * next cell run without reloading. A cell's own first-line directive (parsed by the runtime)
 * overrides them; that keeps per-cell options visible to readers of the exported notebook.
 */
export class RuntimeSettings {
  /** Follows `settings` from now on. */
  connect(settings: ISettingRegistry.ISettings): void {
    const update = () => {
      this._defaults = mergeOptions(DEFAULT_CELL_OPTIONS, settings.composite as Partial<CellOptions>);
    };
    settings.changed.connect(update);
    update();
  }

  /** The options every cell runs with before its own first-line directives apply. */
  get defaults(): CellOptions {
    return this._defaults;
  }

  private _defaults: CellOptions = DEFAULT_CELL_OPTIONS;
}

/** Merges user settings over the defaults, keeping only known keys with well-typed values. */
export function mergeOptions(base: CellOptions, user: Partial<CellOptions> | undefined): CellOptions {
  const chart = { ...base.chart, ...(user?.chart ?? {}) };
  return {
    clock: user?.clock === 'real' || user?.clock === 'virtual' ? user.clock : base.clock,
    maxSteps: typeof user?.maxSteps === 'number' ? user.maxSteps : base.maxSteps,
    maxVirtualTime: typeof user?.maxVirtualTime === 'number' ? user.maxVirtualTime : base.maxVirtualTime,
    chart,
    python: isPythonVersion(user?.python) ? user.python : base.python
  };
}
