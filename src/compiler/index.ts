/** The cell compiler: TypeScript cells → coroutine JavaScript over a cross-cell scope. */
export { compileCell } from './compile-cell';
export type { CompiledCell, CompileError, CompileOptions, CompileResult, FunctionRange } from './compile-cell';
export { HELPER_NAMES, SCOPE_BINDINGS, SLEEP_BINDINGS, API_MODULES } from './cell-abi';
export type { DeclarationKind } from './scope-analysis';
export { originalPosition } from './source-map';
export type { DecodedSourceMap, Position } from './source-map';
