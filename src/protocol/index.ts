/**
 * The protocol: the shared vocabulary of every layer above the scheduler and compiler (cell
 * options, the cell request, nbformat outputs, the metadata key and MIME type) and the messages
 * between the notebook and its runtime worker. A leaf: it imports nothing (docs/architecture.md).
 */
export * from './cell-options';
export * from './cell-progress';
export * from './cell-request';
export * from './notebook-keys';
export * from './outputs';
export * from './worker-messages';
