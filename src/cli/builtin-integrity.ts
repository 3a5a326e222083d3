/**
 * Notices a cell that replaced or deleted JavaScript built-ins (`Array.prototype.push = null`,
 * `JSON.stringify = ...`): the runtime itself relies on them, so after such a cell the runner's
 * worker is replaced instead of running later cells in a poisoned realm. Built with functions
 * captured when this module loads, so the check works even after the cell broke the originals.
 */

const ownKeys = Reflect.ownKeys;
const getDescriptor = Reflect.getOwnPropertyDescriptor;
const same = Object.is;
const stringOf = String;

/** The objects whose own properties are checked, by the name reports use. */
function intrinsics(): [string, object][] {
  const g = globalThis as unknown as Record<string, unknown>;
  const list: [string, object][] = [];
  const constructors = [
    'Object',
    'Function',
    'Array',
    'String',
    'Number',
    'Boolean',
    'Symbol',
    'BigInt',
    'Map',
    'Set',
    'WeakMap',
    'WeakSet',
    'WeakRef',
    'Promise',
    'Error',
    'TypeError',
    'RangeError',
    'RegExp',
    'Date',
    'ArrayBuffer',
    'Uint8Array',
    'DataView'
  ];
  for (const name of constructors) {
    const value = g[name];
    if (typeof value !== 'function') continue;
    list.push([name, value]);
    const prototype = (value as { prototype?: object }).prototype;
    if (prototype) list.push([`${name}.prototype`, prototype]);
  }
  for (const name of ['JSON', 'Math', 'Reflect', 'Atomics']) if (g[name]) list.push([name, g[name] as object]);
  const generator = Object.getPrototypeOf(function* () {}).prototype as object;
  list.push(['%GeneratorPrototype%', Object.getPrototypeOf(generator) as object]);
  list.push(['%TypedArray%.prototype', Object.getPrototypeOf(Uint8Array.prototype) as object]);
  return list;
}

/** Globals the runtime uses (globalThis as a whole has lazily defined properties that change on use). */
const GLOBALS = [
  'Object',
  'Function',
  'Array',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'Map',
  'Set',
  'WeakMap',
  'Promise',
  'Error',
  'TypeError',
  'RegExp',
  'Date',
  'JSON',
  'Math',
  'Reflect',
  'setTimeout',
  'clearTimeout',
  'setImmediate',
  'queueMicrotask',
  'structuredClone',
  'AggregateError',
  'Proxy',
  'eval'
];

interface Entry {
  label: string;
  owner: object;
  key: PropertyKey;
  value: unknown;
  get: unknown;
  set: unknown;
}

/** A snapshot of the built-ins, taken when the runtime starts. */
export class BuiltinSnapshot {
  private readonly entries: Entry[] = [];

  constructor() {
    for (const key of GLOBALS) {
      const descriptor = getDescriptor(globalThis, key);
      if (descriptor)
        this.entries[this.entries.length] = {
          label: 'globalThis',
          owner: globalThis,
          key,
          value: descriptor.value,
          get: descriptor.get,
          set: descriptor.set
        };
    }
    for (const [label, owner] of intrinsics()) {
      const keys = ownKeys(owner);
      for (let i = 0; i < keys.length; i++) {
        const descriptor = getDescriptor(owner, keys[i]);
        if (!descriptor) continue;
        const entry = { label, owner, key: keys[i], value: descriptor.value, get: descriptor.get, set: descriptor.set };
        this.entries[this.entries.length] = entry;
      }
    }
  }

  /** Names of the built-ins changed or deleted since the snapshot ("Array.prototype.push"); [] if none. */
  changed(): string[] {
    const names: string[] = [];
    for (let i = 0; i < this.entries.length; i++) {
      const entry = this.entries[i];
      const now = getDescriptor(entry.owner, entry.key);
      const intact =
        now !== undefined && same(now.value, entry.value) && same(now.get, entry.get) && same(now.set, entry.set);
      if (!intact)
        names[names.length] =
          `${entry.label}.${typeof entry.key === 'symbol' ? `[${stringOf(entry.key.description)}]` : entry.key}`;
    }
    return names;
  }
}
