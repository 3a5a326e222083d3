import { GeneratorCoroutine, type Coroutine, type CoroutineBody } from './coroutine';

/**
 * TypeScript's `__awaiter`, replaced: it starts nothing and returns a lazy Coroutine holding the
 * generator function, `this` and the arguments. A string third argument is the coroutine's name
 * (the compiler passes the async function's name there).
 */
export function __awaiter(
  thisArg: unknown,
  _arguments: ArrayLike<unknown> | undefined,
  nameOrP: unknown,
  generator: (...args: unknown[]) => CoroutineBody
): Coroutine<any> {
  if (typeof generator !== 'function') {
    throw new TypeError(`__awaiter(): generator must be a generator function, got ${String(generator)}`);
  }
  const name = typeof nameOrP === 'string' && nameOrP ? nameOrP : generator.name || 'coroutine';
  return new GeneratorCoroutine(name, generator, thisArg, _arguments);
}
