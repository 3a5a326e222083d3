/**
 * TypeScript emit helpers that compiled cells may need besides the scheduler's coroutine
 * helpers (the compiler uses noEmitHelpers): tslib's own, so their semantics are TypeScript's.
 * Decorators are not supported in cells: their helpers throw a clear error instead.
 */
import {
  __classPrivateFieldGet,
  __classPrivateFieldIn,
  __classPrivateFieldSet,
  __makeTemplateObject,
  __propKey,
  __rest,
  __setFunctionName
} from 'tslib';

function unsupportedDecorators(): never {
  throw new SyntaxError('decorators are not supported in coroutine cells');
}

/** The helpers by name, for the compiled code's parameters. */
export const extraHelpers: Record<string, unknown> = {
  __rest,
  __classPrivateFieldGet,
  __classPrivateFieldSet,
  __classPrivateFieldIn,
  __setFunctionName,
  __propKey,
  __makeTemplateObject,
  __esDecorate: unsupportedDecorators,
  __runInitializers: unsupportedDecorators
};
