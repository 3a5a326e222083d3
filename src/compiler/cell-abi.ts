/**
 * The interface between compiled cell code and the runtime that evaluates it: the names of the
 * parameters the compiled code receives. The compiled code is
 * `(function (<HELPER_NAMES>, <SCOPE_BINDINGS>, <SLEEP_BINDINGS>) { ...; return async () => { cell body } })`.
 */

/** Strict lookups of scope names: `__cc_scope.x` (ReferenceError when the name is missing). */
export const SCOPE = '__cc_scope';
/** Soft lookups for `typeof x` on free names: undefined when missing. */
export const SOFT_SCOPE = '__cc_soft';
/** `__cc_declare(name, value, kind)`: a top-level declaration enters the scope. */
export const DECLARE = '__cc_declare';
/** `__cc_import(localName, exportName | '*')`: an import of the API enters the scope. */
export const IMPORT = '__cc_import';

/**
 * `__cc_at(index, value)`: marks the await the coroutine is about to suspend at (index into
 * CompiledCell.awaits) and returns `value`, so an exception thrown into the coroutine there can
 * be shown at that line, as Python's traceback shows the frames an exception passed through.
 */
export const AWAIT_MARK = '__cc_at';

/** The runtime bindings, in parameter order after the helpers. */
export const SCOPE_BINDINGS = [SCOPE, SOFT_SCOPE, DECLARE, IMPORT, AWAIT_MARK] as const;

/**
 * TypeScript's emit helpers the compiled code may call (noEmitHelpers): the scheduler supplies
 * the coroutine ones; the runtime supplies the rest (object rest, private fields, ...).
 */
export const HELPER_NAMES = [
  '__awaiter',
  '__addDisposableResource',
  '__disposeResources',
  '__asyncValues',
  '__asyncGenerator',
  '__await',
  '__asyncDelegator',
  '__rest',
  '__classPrivateFieldGet',
  '__classPrivateFieldSet',
  '__classPrivateFieldIn',
  '__setFunctionName',
  '__propKey',
  '__esDecorate',
  '__runInitializers',
  '__makeTemplateObject'
] as const;

/** The scheduler's `sleep`, which a compiled direct `await sleep(…)` compares with (see direct-sleep). */
export const SLEEP_FUNCTION = '__cc_sleep';
/** What compiled `await sleep(0)` yields when `sleep` is the scheduler's (see direct-sleep). */
export const SLEEP_ZERO_MARKER = '__cc_sleep0';
/** What compiled `await sleep(d)` calls when `sleep` is the scheduler's: gives a marker (see direct-sleep). */
export const SLEEP_FOR_MARKER = '__cc_sleepFor';

/**
 * The last parameters, after the scope bindings; the scheduler supplies them (its
 * coroutineHelpers). Left undefined, `await sleep(0)` simply calls `sleep(0)`.
 */
export const SLEEP_BINDINGS = [SLEEP_FUNCTION, SLEEP_ZERO_MARKER, SLEEP_FOR_MARKER] as const;

/** Module specifiers that name the cell API in an `import`. */
export const API_MODULES = ['coroutine-cells', 'jupyterlab-coroutine-cells'];
