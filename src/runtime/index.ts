/** The coroutine-cell runtime: sessions, directives, the protocol, and the main-thread client. */
export { CellSession } from './cell-session';
export type { CellRequest, CellResult, CellSessionOptions } from './cell-session';
export { runSource } from './run-source';
export type { RunSourceOptions, SourceResult } from './run-source';
export { parseCellDirectives, DIRECTIVE_KEYS, DIRECTIVE_MARKER } from './cell-directives';
export * from './protocol';
