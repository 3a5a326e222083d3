import { describe, expect, it } from 'vitest';
import { compileCell, type CompiledCell } from '../../src/compiler';
import { runSource } from '../runtime/run-source';

const compile = (source: string): CompiledCell => {
  const result = compileCell(source, { cellLabel: 'cell[1]', url: 'cell-1.js' });
  if (!result.ok) throw new Error(`unexpected compile errors: ${JSON.stringify(result.errors)}`);
  return result.cell;
};

const run = async (source: string): Promise<string> => {
  const result = await runSource(source, { chart: { enabled: false } });
  if (result.status !== 'ok') throw new Error(`cell failed: ${JSON.stringify(result.outputs)}`);
  return result.stdout;
};

describe('one generator function per async function', () => {
  it('every call of an async function drives the same generator function', () => {
    const cell = compile(`
      async function task(n: number) { await sleep(n); return n; }
      const worker = async (a: number, ...rest: number[]) => a + rest.length;
      return [task(1), task(2), worker(1, 2), worker(3)];
    `);
    const seen: { name: unknown; generator: unknown; args: unknown }[] = [];
    const awaiter = (_this: unknown, args: unknown, name: unknown, generator: unknown) => {
      seen.push({ name, generator, args });
      return null;
    };
    const factory = (0, eval)(cell.code) as (...args: unknown[]) => () => unknown;
    const helpers = Array.from({ length: 16 }, () => () => undefined);
    helpers[0] = awaiter;
    const declared = new Map<PropertyKey, unknown>([['sleep', () => undefined]]);
    const scope = new Proxy({}, { get: (_t, key) => declared.get(key) });
    const declare = (name: string, value: unknown) => declared.set(name, value);
    // The cell body is a coroutine too: running it by hand means driving its generator.
    factory(
      ...helpers,
      scope,
      scope,
      declare,
      () => undefined,
      (_i: number, v: unknown) => v
    )();
    const body = seen.shift()!;
    const generator = (body.generator as (...a: unknown[]) => Generator).apply(undefined, []);
    const result = generator.next();
    expect(result.done).toBe(true);
    expect(seen.map(s => s.name)).toEqual(['task', 'task', 'worker', 'worker']);
    expect(seen[0].generator).toBe(seen[1].generator);
    expect(seen[2].generator).toBe(seen[3].generator);
    expect(seen[0].generator).not.toBe(seen[2].generator);
    expect(seen.map(s => s.args)).toEqual([[1], [2], [1, 2], [3]]);
  });

  it('keeps per-iteration bindings, catch variables, defaults, rest and destructured parameters', async () => {
    expect(
      await run(`const made = [];
for (let i = 0; i < 3; i++) { made.push(async () => i); }
for (let i = 3; i < 5; i++) made.push(async () => i);
try { throw new Error("boom"); } catch (e) { made.push(async () => (e as Error).message); }
async function defaults(a = 1, { b } = { b: 2 }, ...rest: number[]) { return [a, b, rest]; }
async function plain(a: number, b?: number) { a += 10; return [a, b]; }
print(await gather(...made.map(f => f())));
print(await defaults(), await defaults(5, { b: 6 }, 7, 8));
print(await plain(1), await plain(1, 2));`)
    ).toBe("[ 0, 1, 2, 3, 4, 'boom' ]\n[ 1, 2, [] ] [ 5, 6, [ 7, 8 ] ]\n[ 11, undefined ] [ 11, 2 ]\n");
  });

  it('keeps this, arguments, hoisting, self-reference and class names as JavaScript has them', async () => {
    expect(
      await run(`class Counter {
  n = 0;
  async add(k: number) { this.n += k; return this.n; }
  static async make() { return new Counter(); }
  arrow = async () => this.n;
}
const c = await Counter.make();
await c.add(2);
print(await c.add(3), await c.arrow());
function outer(x: number) { return early(); async function early() { return x * 2; } }
print(await outer(21));
const fact = async function f(n: number): Promise<number> { return n <= 1 ? 1 : n * await f(n - 1); };
print(await fact(5));
async function count() { return arguments.length; }
const countAny: any = count;
print(await countAny(1, 2, 3));
const obj = { base: 7, async plus(k: number) { return this.base + k; } };
print(await obj.plus(1));
print(fact.name, Counter.make.name, obj.plus.name, (async () => 1).name === "");`)
    ).toBe('5 5\n42\n120\n3\n8\nf make plus true\n');
  });

  it('keeps coroutine and task names, including the default for anonymous ones', async () => {
    expect(
      await run(`const anon = [async () => currentTask()!.getName()];
async function named() { return currentTask()!.getName(); }
print(await createTask(anon[0]()), await createTask(named()), String(named()).replace(/[0-9]+/, "N"));`)
    ).toMatch(/^Task-\d+ named <coroutine object named>\n$/);
  });
});
