/**
 * The editor's side of the TypeScript language worker (main thread, no JupyterLab imports): sends
 * each request with the notebook's coroutine cells (full text only for cells that changed since
 * the worker last saw them), drops stale answers (an older request of the same kind for the same
 * cell answers null), and restarts a worker that crashed or hangs, saying so through `onRestart`.
 * The worker is created on the first request.
 */
import type { CellSource, CellUpdate, FromLanguage, LanguageAnswers, LanguageQuery, ToLanguage } from './protocol';

/** What the client needs of a Worker (a browser Worker, or a worker_threads adapter in tests). */
export interface LanguageWorker {
  postMessage(message: ToLanguage): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: FromLanguage }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string }) => void): void;
}

/** A request without an answer after this long means the worker hangs: it is restarted. */
export const LANGUAGE_REQUEST_TIMEOUT_MS = 20_000;

interface Pending {
  key: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Requests to one language worker, for every notebook of the page. */
export class LanguageClient {
  private worker: LanguageWorker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** The latest request id per notebook/cell/kind: answers to older ones are stale. */
  private readonly latest = new Map<string, number>();
  /** What the worker knows of each notebook's cells. */
  private readonly sent = new Map<string, Map<string, string>>();
  private disposed = false;

  /** `onRestart` hears why a worker was replaced (for a visible note). */
  constructor(
    private readonly createWorker: () => LanguageWorker,
    private readonly onRestart: (reason: string) => void = () => {}
  ) {}

  /** True once the worker exists (it is created by the first request). */
  get started(): boolean {
    return this.worker !== null;
  }

  /**
   * Asks about cell `cellId` of notebook `notebook`, whose coroutine cells are `cells` in
   * notebook order. Resolves null when a newer request of the same kind (on the same `channel`)
   * superseded this one.
   */
  async ask<K extends LanguageQuery['kind']>(
    notebook: string,
    cells: readonly CellSource[],
    cellId: string,
    query: Extract<LanguageQuery, { kind: K }>,
    channel = ''
  ): Promise<LanguageAnswers[K] | null> {
    if (this.disposed) throw new Error('LanguageClient: disposed');
    const worker = this.ensureWorker();
    const known = this.sent.get(notebook) ?? new Map<string, string>();
    this.sent.set(notebook, known);
    const updates: CellUpdate[] = cells.map(cell =>
      known.get(cell.id) === cell.source ? { id: cell.id } : { id: cell.id, source: cell.source }
    );
    known.clear();
    for (const cell of cells) known.set(cell.id, cell.source);
    const requestId = this.nextId++;
    const key = `${notebook}\0${cellId}\0${query.kind}\0${channel}`;
    this.latest.set(key, requestId);
    const answer = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => this.restart('it did not answer for 20 s'), LANGUAGE_REQUEST_TIMEOUT_MS);
      this.pending.set(requestId, { key, resolve, reject, timer });
    });
    worker.postMessage({ type: 'request', requestId, notebook, cells: updates, cellId, query });
    return (await answer) as LanguageAnswers[K] | null;
  }

  /** Forgets a closed notebook. */
  close(notebook: string): void {
    this.sent.delete(notebook);
    this.worker?.postMessage({ type: 'close', notebook });
  }

  /** Stops the worker; pending requests end with an error. */
  dispose(): void {
    this.disposed = true;
    this.stop(new Error('LanguageClient: disposed'));
  }

  private ensureWorker(): LanguageWorker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.addEventListener('message', event => this.onMessage(worker, event.data));
    worker.addEventListener('error', event => {
      if (this.worker === worker) this.restart(`it crashed (${event.message ?? 'unknown error'})`);
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(worker: LanguageWorker, message: FromLanguage): void {
    if (worker !== this.worker || message.type !== 'answer') return;
    const pending = this.pending.get(message.requestId);
    if (!pending) return;
    this.pending.delete(message.requestId);
    clearTimeout(pending.timer);
    if (this.latest.get(pending.key) !== message.requestId || (!message.ok && message.stale)) {
      pending.resolve(null);
    } else if (message.ok) {
      this.latest.delete(pending.key);
      pending.resolve(message.result);
    } else {
      pending.reject(new Error(`TypeScript language worker: ${message.error}`));
    }
  }

  /** Replaces a crashed or hung worker; the next request starts a new one with every cell's text. */
  private restart(reason: string): void {
    this.stop(new Error(`The TypeScript language worker was restarted: ${reason}.`));
    if (!this.disposed) this.onRestart(reason);
  }

  private stop(error: Error): void {
    const worker = this.worker;
    this.worker = null;
    this.sent.clear();
    worker?.terminate();
    for (const pending of this.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
  }
}
