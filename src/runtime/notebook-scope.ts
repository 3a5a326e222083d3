/**
 * The notebook's cross-cell scope: where the top-level declarations of every cell live.
 *
 * The compiler rewrites top-level and free names of a cell into property accesses on the
 * `strict` proxy (no `with`): a name resolves to the notebook's own declarations first, then to
 * the cell API (sleep, gather, print, ...), then to JavaScript's globals, else it is a
 * ReferenceError, as for an undeclared variable. Declarations replace earlier ones, so re-running
 * `const x = 1` works; a `const` cannot be assigned (TypeError), only re-declared. Declaring an
 * API name (e.g. `const sleep = ...`) shadows the API in this notebook, with a warning.
 */
import type { DeclarationKind } from '../compiler';

/** What the scope reports while a cell runs (e.g. a declaration shadowing an API name). */
export type ScopeWarning = (message: string) => void;

/** One notebook's top-level names. */
export class NotebookScope {
  /** Proxy for `__cc_scope.name`: strict lookups and assignments. */
  readonly strict: Record<string, unknown>;
  /** Proxy for `typeof __cc_soft.name`: undefined instead of a ReferenceError. */
  readonly soft: Record<string, unknown>;
  /** `__cc_declare(name, value, kind)`, bound to this scope. */
  readonly declare = (name: string, value: unknown, kind: DeclarationKind): unknown => {
    if (this.api.has(name) && value !== this.api.get(name) && !this.values.has(name)) {
      this.warn(
        `Warning: '${name}' now shadows the coroutine-cells API '${name}' in this notebook ` +
          `(restart the runtime to get the API's '${name}' back).\n`
      );
    }
    this.values.set(name, value);
    if (kind === 'const' || kind === 'import') this.constants.add(name);
    else this.constants.delete(name);
    return value;
  };
  /** `__cc_import(local, exported)`: `import { exported as local } from 'coroutine-cells'`. */
  readonly importApi = (local: string, exported: string): void => {
    if (exported === '*') {
      this.declare(local, Object.freeze(Object.fromEntries(this.api)), 'import');
      return;
    }
    if (!this.api.has(exported)) throw new ReferenceError(`'coroutine-cells' has no export named '${exported}'`);
    // Importing an API name under its own name is not shadowing.
    if (local === exported) this.values.delete(local);
    this.declare(local, this.api.get(exported), 'import');
  };

  private readonly values = new Map<string, unknown>();
  private readonly constants = new Set<string>();
  private warn: ScopeWarning = () => {};

  /** `api` is what cells see as predefined names. */
  constructor(private readonly api: ReadonlyMap<string, unknown>) {
    const lookup = (name: string, soft: boolean): unknown => {
      // One Map lookup in the common case (this runs at every `sleep(...)` a cell makes).
      const value = this.values.get(name);
      if (value !== undefined || this.values.has(name)) return value;
      const apiValue = this.api.get(name);
      if (apiValue !== undefined) return apiValue;
      if (name in globalThis) return (globalThis as Record<string, unknown>)[name];
      if (soft) return undefined;
      throw new ReferenceError(`${name} is not defined`);
    };
    const handler = (soft: boolean): ProxyHandler<Record<string, unknown>> => ({
      get: (_target, key) => (typeof key === 'string' ? lookup(key, soft) : undefined),
      set: (_target, key, value) => {
        if (typeof key !== 'string') return false;
        this.assign(key, value);
        return true;
      },
      has: (_target, key) => typeof key === 'string' && (this.values.has(key) || this.api.has(key))
    });
    this.strict = new Proxy(Object.create(null), handler(false));
    this.soft = new Proxy(Object.create(null), handler(true));
  }

  /** Sets where warnings go while a cell runs. */
  onWarning(warn: ScopeWarning): void {
    this.warn = warn;
  }

  /** Whether the notebook declared `name`. */
  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Forgets every declaration (the API stays). */
  clear(): void {
    this.values.clear();
    this.constants.clear();
  }

  /** `name = value` on a scope name, with JavaScript's errors for constants and undeclared names. */
  private assign(name: string, value: unknown): void {
    if (this.constants.has(name)) throw new TypeError(`Assignment to constant variable '${name}'.`);
    if (this.values.has(name)) {
      this.values.set(name, value);
      return;
    }
    if (this.api.has(name)) {
      throw new TypeError(
        `Assignment to '${name}', a coroutine-cells API name: declare your own (let ${name} = ...) to shadow it`
      );
    }
    if (name in globalThis) {
      (globalThis as Record<string, unknown>)[name] = value;
      return;
    }
    throw new ReferenceError(`${name} is not defined`);
  }
}
