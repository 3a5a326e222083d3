/**
 * Notices a cell that replaced a built-in the runtime itself relies on (`Array.prototype.push =
 * null`, `JSON.stringify = ...`): such a worker cannot be trusted to run the next cell. The
 * built-ins are snapshotted when the worker starts; after each cell the changed ones are put
 * back (so the worker can still report) and named, and the notebook (or the CLI) then replaces the
 * worker. Used by the browser's Web Worker, the kernel's and the CLI's worker threads.
 * Adding new properties is fine; Math.random and Date.now may be replaced (seeding is common).
 */

type Entry = [key: PropertyKey, descriptor: PropertyDescriptor];

/** Constructors whose own properties and prototype's properties the runtime's code relies on. */
const CONSTRUCTORS = [
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

/** The objects whose existing properties the runtime's own code uses (browser worker and Node). */
function guardedObjects(): Array<[string, object]> {
  const g = globalThis as Record<string, unknown>;
  const list: Array<[string, unknown]> = [['globalThis', globalThis]];
  for (const name of CONSTRUCTORS) {
    const constructor = g[name] as { prototype?: unknown } | undefined;
    if (typeof constructor !== 'function') continue;
    list.push([name, constructor], [`${name}.prototype`, constructor.prototype]);
  }
  for (const name of ['JSON', 'Math', 'Reflect', 'Atomics', 'console']) list.push([name, g[name]]);
  // The scheduler drives coroutines through these: a cell replacing `next` would break every task.
  const generatorFunction = Object.getPrototypeOf(function* () {}) as { prototype: object };
  list.push(['%GeneratorPrototype%', generatorFunction.prototype]);
  list.push(['%TypedArray%.prototype', Object.getPrototypeOf(Uint8Array.prototype)]);
  return list.filter(
    (entry): entry is [string, object] => typeof entry[1] === 'object' || typeof entry[1] === 'function'
  );
}

/** Names that cells may replace without harming the runtime. */
const ALLOWED = new Set(['Math.random', 'Date.now']);

/** Snapshots the built-ins now; the returned function restores and names what changed since. */
export function guardIntrinsics(): () => string[] {
  // Captured now, so a cell that breaks these cannot break the check itself.
  const getOwnDescriptors = Object.getOwnPropertyDescriptors;
  const define = Reflect.defineProperty;
  const ownKeys = Reflect.ownKeys;
  const snapshots: Array<[string, object, Entry[]]> = [];
  for (const [name, target] of guardedObjects()) {
    const entries: Entry[] = [];
    const all = getOwnDescriptors(target) as Record<PropertyKey, PropertyDescriptor>;
    for (const key of ownKeys(all)) {
      const label = `${name}.${String(key)}`;
      const descriptor = all[key as string];
      // Only data properties holding functions or namespaces: plain values (e.g. a global a cell
      // declared) may change, and accessors are left alone.
      if (ALLOWED.has(label) || !('value' in descriptor)) continue;
      if (typeof descriptor.value !== 'function' && (name !== 'globalThis' || typeof descriptor.value !== 'object'))
        continue;
      entries.push([key, descriptor]);
    }
    snapshots.push([name, target, entries]);
  }
  // Plain indexed loops below: a cell may have broken array iteration itself.
  return () => {
    const changed: string[] = [];
    for (let i = 0; i < snapshots.length; i++) {
      const [name, target, entries] = snapshots[i];
      for (let j = 0; j < entries.length; j++) {
        const [key, original] = entries[j];
        const now = (target as Record<PropertyKey, unknown>)[key as string];
        if (now === original.value) continue;
        define(target, key, original);
        changed[changed.length] = `${name}.${String(key)}`;
      }
    }
    return changed;
  };
}
