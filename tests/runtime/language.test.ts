import { describe, expect, it } from 'vitest';
import { errorOf, notebook, plain, streamText } from './helpers';

describe('TypeScript features in cells', () => {
  it('classes with private fields, static blocks, accessors, super in async methods, enums, rest', async () => {
    const nb = notebook();
    const result = await nb.run(`enum Color { Red, Green = "g" }
namespace Util { export const twice = (x: number) => 2 * x; }
class Base { async greet(): Promise<string> { await sleep(1); return "base"; } }
class Account extends Base {
  #balance = 0;
  static count = 0;
  static { Account.count = 10; }
  get balance() { return this.#balance; }
  deposit(x: number) { this.#balance += x; return #balance in this; }
  override async greet() { return (await super.greet()) + "+account"; }
}
const acc = new Account();
const { a, ...others } = { a: 1, b: 2, c: 3 };
const tag = (s: TemplateStringsArray, ...v: unknown[]) => s.raw.join("|") + v.length;
function* gen() { yield 1; yield 2; }
async function args(..._xs: number[]) { await sleep(0); return arguments.length; }
outer: for (const i of [1, 2, 3]) { for (const j of [1, 2]) { if (j === 2) continue outer; if (i === 3) break outer; } }
print(Color.Red, Color.Green, Util.twice(4), acc.deposit(5), acc.balance, Account.count);
print(await acc.greet(), a, others, tag\`x\${1}y\`, [...gen()], await args(1, 2, 3), acc?.balance ?? 0);
let n: number | undefined; n ??= 7; print(n);`);
    expect(errorOf(result.outputs) && plain(errorOf(result.outputs)!.traceback)).toBeUndefined();
    expect(streamText(result.outputs, 'stdout')).toBe(
      '0 g 8 true 5 10\nbase+account 1 { b: 2, c: 3 } x|y1 [ 1, 2 ] 3 5\n7\n'
    );
  });

  it('later cells see enums, namespaces and classes declared earlier', async () => {
    const nb = notebook();
    await nb.run(
      'enum Level { Low = 1, High = 5 }\nclass Point { constructor(public x: number) {} }\ninterface Shape { area(): number }\ntype Id = string;\nnamespace Types { export interface X { a: number } }\ndeclare const ambient: number;'
    );
    const result = await nb.run(
      'const p: Point = new Point(Level.High);\nconst id: Id = "a";\nprint(p.x, id, p instanceof Point);'
    );
    expect(streamText(result.outputs, 'stdout')).toBe('5 a true\n');
  });
});
