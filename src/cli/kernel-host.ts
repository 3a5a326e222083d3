/**
 * The Node side of the Jupyter kernel `coroutine-cells` (jupyterlab_coroutine_cells/kernel): a
 * long-lived process serving the JSON-lines protocol of src/kernel/host-protocol.ts on stdin and
 * stdout. Cells run in a worker_thread through the same RuntimeClient as the browser (one cell at
 * a time, interrupt, the 1.5 s grace period after which a stuck execution context is replaced),
 * and each chart gets its PNG exactly as `coroutine-cells execute` adds it.
 */
import { createInterface } from 'node:readline';
import { nodeWorkerFactory } from '../kernel/node-worker-factory';
import { readToHost, type FromHost, type ToHost } from '../kernel/host-protocol';
import { RuntimeClient } from '../runtime/runtime-client';
import { DEFAULT_CELL_OPTIONS, type NbOutput } from '../protocol';
import { addChartImage } from './chart-image';

/** The protocol version the Python side checks. */
export const HOST_PROTOCOL_VERSION = '1';

/** Serves the protocol until stdin closes; `workerFile` is the bundled kernel worker. */
export function serveKernelHost(workerFile: string): void {
  // Interrupts arrive as protocol messages; a Ctrl-C meant for the terminal's Python process must
  // not kill the host (the kernel also starts the host in a process group of its own).
  process.on('SIGINT', () => {});
  const write = process.stdout.write.bind(process.stdout);
  const send = (message: FromHost): void => void write(JSON.stringify(message) + '\n');
  // stdout carries the protocol only: anything else the host prints goes to stderr (the kernel log).
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);
  const client = new RuntimeClient(nodeWorkerFactory(workerFile));
  let pending = 0;
  client.warmUp();
  const warn = (text: string): void => void process.stderr.write(text);

  const handle = (message: ToHost): void => {
    switch (message.type) {
      case 'run': {
        // Outputs leave in order even though adding a chart's PNG takes a moment.
        let sent: Promise<void> = Promise.resolve();
        const forward = (output: NbOutput): void => {
          const ready = addChartImage(output, warn);
          sent = sent.then(async () => send({ type: 'output', id: message.id, output: await ready }));
        };
        const { source, cellLabel, executionCount, metadata } = message;
        const request = { source, cellLabel, executionCount, options: DEFAULT_CELL_OPTIONS, metadata };
        pending++;
        void client.run(request, forward).then(async outcome => {
          await sent;
          send({ type: 'done', id: message.id, status: outcome.status });
          pending--;
        });
        break;
      }
      case 'interrupt':
        client.interrupt();
        break;
      case 'restart':
        client.restart();
        client.warmUp();
        send({ type: 'restarted', id: message.id });
        break;
      case 'ping':
        send({ type: 'pong', id: message.id });
        break;
    }
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', line => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      send({ type: 'protocol-error', id: null, message: `not JSON: ${(error as Error).message}` });
      return;
    }
    const message = readToHost(parsed);
    if (typeof message === 'string') {
      const id = (parsed as { id?: unknown })?.id;
      send({ type: 'protocol-error', id: typeof id === 'number' ? id : null, message });
      return;
    }
    handle(message);
  });
  // The kernel closed our stdin: finish what runs (the kernel kills us if it will not wait), quit.
  lines.on('close', () => {
    const quit = (): void => {
      if (pending > 0) {
        setTimeout(quit, 20);
        return;
      }
      client.dispose();
      process.exit(0);
    };
    quit();
  });
  send({ type: 'ready', version: HOST_PROTOCOL_VERSION });
}
