/** The coroutine-cell runtime: sessions, directives, the worker protocol, and the main-thread client. */
export { CellSession } from './cell-session';
export type { CellResult, CellSessionOptions } from './cell-session';
export { parseCellDirectives, DIRECTIVE_KEYS, DIRECTIVE_MARKER } from './cell-directives';
export { resolveCellOptions } from './cell-options';
export { startProgressEmitter, PROGRESS_DELAY_MS, PROGRESS_INTERVAL_MS } from './progress-emitter';
export { guardIntrinsics } from './intrinsics-guard';
