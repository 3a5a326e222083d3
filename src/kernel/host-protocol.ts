/**
 * The JSON-lines protocol between the Jupyter kernel (Python) and its Node host
 * (src/cli/kernel-host.ts): one JSON object per line on the host's stdin and stdout. Cell outputs
 * are nbformat v4 outputs, chart bundles already carrying their PNG.
 */
import type { CellStatus, NbOutput, OptionMetadata } from '../protocol';

/** What the kernel asks of the host. */
export type ToHost =
  | {
      type: 'run';
      id: number;
      source: string;
      cellLabel: string;
      executionCount: number;
      /** The notebook's and the cell's "coroutine-cells" metadata, when the caller has them (the preprocessor). */
      metadata?: OptionMetadata;
    }
  | { type: 'interrupt' }
  | { type: 'restart'; id: number }
  | { type: 'ping'; id: number };

/** What the host answers. */
export type FromHost =
  | { type: 'ready'; version: string }
  | { type: 'output'; id: number; output: NbOutput }
  | { type: 'done'; id: number; status: CellStatus }
  | { type: 'restarted'; id: number }
  | { type: 'pong'; id: number }
  | { type: 'protocol-error'; id: number | null; message: string };

/** Checks one parsed line; returns the message or a text saying what is wrong with it. */
export function readToHost(value: unknown): ToHost | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return `a message must be a JSON object, got ${JSON.stringify(value)}`;
  const message = value as { [key: string]: unknown };
  const idOk = typeof message.id === 'number' && Number.isInteger(message.id);
  switch (message.type) {
    case 'run':
      if (!idOk) return 'run: id must be an integer';
      if (typeof message.source !== 'string') return 'run: source must be a string';
      if (typeof message.cellLabel !== 'string' || message.cellLabel === '')
        return 'run: cellLabel must be a non-empty string';
      if (typeof message.executionCount !== 'number') return 'run: executionCount must be a number';
      if (message.metadata !== undefined && (message.metadata === null || typeof message.metadata !== 'object')) {
        return 'run: metadata must be an object {notebook, cell}';
      }
      return message as unknown as ToHost;
    case 'interrupt':
      return { type: 'interrupt' };
    case 'restart':
    case 'ping':
      return idOk ? (message as unknown as ToHost) : `${message.type}: id must be an integer`;
    default:
      return `unknown message type ${JSON.stringify(message.type)} (run, interrupt, restart or ping)`;
  }
}
