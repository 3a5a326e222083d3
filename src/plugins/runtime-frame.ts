import type { ToRuntime } from '../protocol';
import type { RuntimeWorker } from '../runtime/runtime-client';
import { FrameLiveness } from './frame-liveness';
import {
  RUNTIME_FRAME_SRCDOC,
  WORKER_PORT_SHIM,
  type FrameInit,
  type FromFrame,
  type ToFrame
} from './runtime-frame-host';

/** How long a ping to the runtime frame may go unanswered before its process counts as dead. */
export const FRAME_SILENCE_LIMIT_MS = 2_000;

/** How often the runtime frame is pinged. */
const FRAME_PING_INTERVAL_MS = 500;

/** A frame that has not started by then (a policy forbids its inline script, …) gives way to a plain worker. */
const FRAME_START_LIMIT_MS = 20_000;

/** What the page says when the frame's process has ended ("out of memory" is how the client names it). */
const PROCESS_ENDED =
  "out of memory: the runtime's browser process ended (the page and the notebook are unharmed; the runtimes " +
  'of other notebooks open in this tab share that process and end with it)';

/** The worker script, after the port shim, as a Blob: fetched once per page (the browser caches it too). */
const scripts = new Map<string, Promise<Blob>>();

function workerScript(url: string): Promise<Blob> {
  let script = scripts.get(url);
  if (!script) {
    script = fetch(url)
      .then(response => {
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.blob();
      })
      .then(bundle => new Blob([WORKER_PORT_SHIM, bundle], { type: 'text/javascript' }));
    script.catch(() => scripts.delete(url));
    scripts.set(url, script);
  }
  return script;
}

/**
 * The runtime worker, created inside a hidden sandboxed iframe so that it runs in a renderer
 * process of its own (see runtime-frame-host.ts): a cell that runs out of memory ends that process,
 * the page notices the silence (FrameLiveness) and reports it as an error event, and the tab and
 * the notebook live on. Where the frame cannot start, it falls back to a plain worker.
 */
export class FramedRuntimeWorker implements RuntimeWorker {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  private frame: HTMLIFrameElement | null = null;
  /** To the frame's page: pings and the worker's error events. */
  private port: MessagePort | null = null;
  /** To the worker itself: the runtime protocol. */
  private workerPort: MessagePort | null = null;
  private direct: Worker | null = null;
  private pending: ToRuntime[] = [];
  private liveness: FrameLiveness | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private startTimer: ReturnType<typeof setTimeout> | null = null;
  private ended = false;

  /** Starts the frame and, in it, the worker at `url`. */
  constructor(
    private readonly url: URL,
    private readonly name: string
  ) {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.title = 'coroutine-cells runtime';
    frame.className = 'jp-CoroutineCells-runtimeFrame';
    frame.style.display = 'none';
    frame.srcdoc = RUNTIME_FRAME_SRCDOC;
    const toFrame = new MessageChannel();
    const toWorker = new MessageChannel();
    toFrame.port1.onmessage = event => this.fromFrame(event.data as FromFrame);
    toWorker.port1.onmessage = event => this.fromWorker(event.data);
    this.port = toFrame.port1;
    this.workerPort = toWorker.port1;
    this.frame = frame;
    const ports = [toFrame.port2, toWorker.port2];
    frame.addEventListener('load', () => void this.initFrame(frame, ports), { once: true });
    document.body.appendChild(frame);
    this.startTimer = setTimeout(() => this.fallBack('the runtime frame did not start'), FRAME_START_LIMIT_MS);
  }

  postMessage(message: ToRuntime): void {
    if (this.ended) return;
    if (this.direct) this.direct.postMessage(message);
    else if (this.liveness && this.workerPort) this.toWorker(message);
    else this.pending.push(message);
  }

  terminate(): void {
    this.ended = true;
    this.pending = [];
    this.closeFrame();
    this.direct?.terminate();
    this.direct = null;
  }

  private async initFrame(frame: HTMLIFrameElement, ports: MessagePort[]): Promise<void> {
    let script: Blob;
    try {
      script = await workerScript(this.url.href);
    } catch (error) {
      this.fallBack(`the worker script could not be fetched: ${String(error)}`);
      return;
    }
    if (this.frame !== frame) return;
    const init: FrameInit = { k: 'coroutine-cells-runtime-init', script, name: this.name };
    // The frame's origin is opaque, so '*' is the only target origin that reaches it.
    frame.contentWindow?.postMessage(init, '*', ports);
  }

  private fromFrame(message: FromFrame): void {
    if (this.ended || !message) return;
    this.liveness?.heard(Date.now());
    switch (message.k) {
      case 'up':
        this.started();
        break;
      case 'error':
        this.onerror?.({ message: message.message });
        break;
      case 'failed':
        this.fallBack(`the frame could not create the worker: ${message.message}`);
        break;
    }
  }

  private fromWorker(data: unknown): void {
    if (this.ended) return;
    this.liveness?.heard(Date.now());
    this.onmessage?.({ data });
  }

  private started(): void {
    if (this.startTimer !== null) clearTimeout(this.startTimer);
    this.startTimer = null;
    this.liveness = new FrameLiveness(FRAME_SILENCE_LIMIT_MS, Date.now());
    this.pingTimer = setInterval(() => this.checkFrame(), FRAME_PING_INTERVAL_MS);
    for (const message of this.pending.splice(0)) this.toWorker(message);
  }

  private checkFrame(): void {
    const verdict = this.liveness?.tick(Date.now());
    if (verdict === 'ping') this.toFrame({ k: 'ping' });
    if (verdict !== 'dead') return;
    this.ended = true;
    this.closeFrame();
    this.onerror?.({ message: PROCESS_ENDED });
  }

  private toFrame(message: ToFrame): void {
    this.port?.postMessage(message);
  }

  private toWorker(message: ToRuntime): void {
    try {
      this.workerPort?.postMessage(message);
    } catch (error) {
      // A message that cannot be cloned is the runtime client's bug, not the frame's: say so once.
      console.error('coroutine-cells: a message could not be sent to the runtime', error);
    }
  }

  /** Runs the worker in this page after all (a plain worker in the page's process). */
  private fallBack(reason: string): void {
    if (this.ended || this.direct) return;
    this.closeFrame();
    console.warn(
      `coroutine-cells: the runtime runs in a plain worker (${reason}); a cell that runs out of memory may crash the tab`
    );
    const worker = new Worker(this.url, { name: this.name });
    worker.onmessage = event => this.onmessage?.({ data: event.data });
    worker.onerror = event => this.onerror?.(event);
    this.direct = worker;
    for (const message of this.pending.splice(0)) worker.postMessage(message);
  }

  private closeFrame(): void {
    if (this.pingTimer !== null) clearInterval(this.pingTimer);
    if (this.startTimer !== null) clearTimeout(this.startTimer);
    this.pingTimer = this.startTimer = null;
    this.liveness = null;
    this.port?.close();
    this.workerPort?.close();
    this.port = this.workerPort = null;
    // Removing the frame ends its document and with it the worker, even one stuck in a loop.
    this.frame?.remove();
    this.frame = null;
  }
}
