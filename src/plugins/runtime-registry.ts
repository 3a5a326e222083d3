import type { JupyterFrontEndPlugin } from '@jupyterlab/application';
import type { INotebookModel } from '@jupyterlab/notebook';
import { Token } from '@lumino/coreutils';
import { Signal, type ISignal } from '@lumino/signaling';
import type { CellOptions, CellProgress, CellStatus, NbOutput, OptionMetadata } from '../protocol';
import { RuntimeClient } from '../runtime/runtime-client';
import { ExecutionQueue } from './execution-queue';
import { createRuntimeWorker } from './worker-factory';

/** What the status bar shows for a notebook's coroutine runtime. */
export type RuntimeState = 'idle' | 'busy';

/** One notebook's coroutine runtime: its worker client, execution counter and cell queue. */
export class NotebookRuntime {
  /** Cells of this notebook (coroutine and kernel alike) run through this queue, in order. */
  readonly queue = new ExecutionQueue();

  /** Emits when the runtime becomes busy or idle. */
  get stateChanged(): ISignal<this, RuntimeState> {
    return this._stateChanged;
  }

  /** The current state. */
  get state(): RuntimeState {
    return this._running > 0 ? 'busy' : 'idle';
  }

  /** The execution count the next cell will get (peek; advanced by run). */
  nextExecutionCount(): number {
    return this._executionCount + 1;
  }

  /** Runs one cell; outputs stream to `onOutput`, live progress to `onProgress`, as the runtime produces them. */
  async run(
    request: { source: string; cellLabel: string; options: CellOptions; metadata?: OptionMetadata },
    onOutput: (output: NbOutput) => void,
    onProgress?: (progress: CellProgress) => void
  ): Promise<{ status: CellStatus; executionCount: number }> {
    const executionCount = ++this._executionCount;
    this._setRunning(+1);
    try {
      const { status } = await this._client.run({ ...request, executionCount }, onOutput, onProgress);
      return { status, executionCount };
    } finally {
      this._setRunning(-1);
    }
  }

  /** Starts the worker and warms its compiler now, so the first run does not wait for them. */
  warmUp(): void {
    this._client.warmUp();
  }

  /** Cancels the running cell's tasks (and replaces the worker if it does not stop in time). */
  interrupt(): void {
    this._interrupts++;
    this._client.interrupt();
  }

  /** How many times this runtime was interrupted (a cell still in its type check compares it). */
  get interrupts(): number {
    return this._interrupts;
  }

  /** Forgets every declaration: the next cell starts a fresh runtime. */
  restart(): void {
    this._executionCount = 0;
    this._client.restart();
  }

  /** Stops the worker for good (the notebook was closed). */
  dispose(): void {
    this._client.dispose();
  }

  private _setRunning(delta: number): void {
    const before = this.state;
    this._running += delta;
    if (this.state !== before) {
      this._stateChanged.emit(this.state);
    }
  }

  private _client = new RuntimeClient(createRuntimeWorker);
  private _executionCount = 0;
  private _running = 0;
  private _interrupts = 0;
  private _stateChanged = new Signal<this, RuntimeState>(this);
}

/** Maps each open notebook model to its runtime (created on first use, disposed with it). */
export class RuntimeRegistry {
  /** Emits when a runtime is created (for the status bar and commands). */
  get runtimeAdded(): ISignal<this, { model: INotebookModel; runtime: NotebookRuntime }> {
    return this._runtimeAdded;
  }

  /** The runtime of `model`, creating it when needed. */
  get(model: INotebookModel): NotebookRuntime {
    let runtime = this._runtimes.get(model);
    if (!runtime) {
      const created = new NotebookRuntime();
      runtime = created;
      this._runtimes.set(model, created);
      model.sharedModel.disposed.connect(() => {
        created.dispose();
        this._runtimes.delete(model);
      });
      this._runtimeAdded.emit({ model, runtime });
    }
    return runtime;
  }

  /** The runtime of `model` if one was created. */
  find(model: INotebookModel): NotebookRuntime | undefined {
    return this._runtimes.get(model);
  }

  private _runtimes = new Map<INotebookModel, NotebookRuntime>();
  private _runtimeAdded = new Signal<this, { model: INotebookModel; runtime: NotebookRuntime }>(this);
}

/** The token of the page's one RuntimeRegistry, which the plugins of this package share. */
export const IRuntimeRegistry = new Token<RuntimeRegistry>(
  'jupyterlab-coroutine-cells:IRuntimeRegistry',
  'The coroutine runtime (worker client, execution counter, cell queue) of each open notebook.'
);

/** The plugin id (no settings). */
export const RUNTIME_REGISTRY_PLUGIN_ID = 'jupyterlab-coroutine-cells:runtime-registry';

/** Provides the page's RuntimeRegistry; its activation cannot fail (the executor requires it). */
export const runtimeRegistryPlugin: JupyterFrontEndPlugin<RuntimeRegistry> = {
  id: RUNTIME_REGISTRY_PLUGIN_ID,
  description:
    'Keeps the coroutine runtime of each open notebook, shared by the executor, the runtime controls and the status.',
  autoStart: true,
  provides: IRuntimeRegistry,
  activate: () => new RuntimeRegistry()
};
