/**
 * The shared vocabulary of every layer above the core: cell options, the cell request, nbformat
 * outputs, the metadata key and MIME type. A leaf: it imports nothing (see docs/architecture.md).
 */
export * from './cell-options';
export * from './cell-request';
export * from './notebook-keys';
export * from './outputs';
