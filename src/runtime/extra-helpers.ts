/**
 * TypeScript emit helpers that compiled cells may need besides the scheduler's coroutine
 * helpers (the compiler uses noEmitHelpers). Same semantics as tslib's.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<PropertyKey, any>;

/** Object rest in destructuring: `const { a, ...rest } = o`. */
function __rest(source: Obj, exclude: PropertyKey[]): Obj {
  const target: Obj = {};
  for (const key in source) {
    if (Object.prototype.hasOwnProperty.call(source, key) && exclude.indexOf(key) < 0) target[key] = source[key];
  }
  if (source != null && typeof Object.getOwnPropertySymbols === 'function') {
    for (const symbol of Object.getOwnPropertySymbols(source)) {
      if (exclude.indexOf(symbol) < 0 && Object.prototype.propertyIsEnumerable.call(source, symbol)) {
        target[symbol] = source[symbol];
      }
    }
  }
  return target;
}

/** Reads a `#private` field, accessor or method. */
function __classPrivateFieldGet(receiver: object, state: any, kind: string, f?: () => unknown): unknown {
  if (kind === 'a' && !f) throw new TypeError('Private accessor was defined without a getter');
  if (typeof state === 'function' ? receiver !== state || !f : !state.has(receiver)) {
    throw new TypeError('Cannot read private member from an object whose class did not declare it');
  }
  return kind === 'm' ? f : kind === 'a' ? f!.call(receiver) : f ? (f as any).value : state.get(receiver);
}

/** Writes a `#private` field or accessor. */
function __classPrivateFieldSet(receiver: object, state: any, value: unknown, kind: string, f?: any): unknown {
  if (kind === 'm') throw new TypeError('Private method is not writable');
  if (kind === 'a' && !f) throw new TypeError('Private accessor was defined without a setter');
  if (typeof state === 'function' ? receiver !== state || !f : !state.has(receiver)) {
    throw new TypeError('Cannot write private member to an object whose class did not declare it');
  }
  if (kind === 'a') f.call(receiver, value);
  else if (f) f.value = value;
  else state.set(receiver, value);
  return value;
}

/** `#field in obj`. */
function __classPrivateFieldIn(state: any, receiver: unknown): boolean {
  if (receiver === null || (typeof receiver !== 'object' && typeof receiver !== 'function')) {
    throw new TypeError("Cannot use 'in' operator on non-object");
  }
  return typeof state === 'function' ? receiver === state : state.has(receiver);
}

/** Sets a function's name (class fields holding anonymous functions). */
function __setFunctionName(f: object, name: unknown, prefix?: string): object {
  const text = typeof name === 'symbol' ? (name.description ? `[${name.description}]` : '') : String(name);
  return Object.defineProperty(f, 'name', { configurable: true, value: prefix ? `${prefix} ${text}` : text });
}

/** A computed property key. */
function __propKey(x: unknown): string | symbol {
  return typeof x === 'symbol' ? x : `${x}`;
}

/** Tagged template objects. */
function __makeTemplateObject(cooked: string[], raw: string[]): TemplateStringsArray {
  Object.defineProperty(cooked, 'raw', { value: raw });
  return cooked as unknown as TemplateStringsArray;
}

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
