import { describe, expect, it } from 'vitest';
import { guardIntrinsics } from '../../src/runtime/intrinsics-guard';

describe('guardIntrinsics', () => {
  it('names and restores a replaced prototype method and a replaced namespace function', () => {
    const restore = guardIntrinsics();
    const push = Array.prototype.push;
    const stringify = JSON.stringify;
    (Array.prototype as { push: unknown }).push = null;
    JSON.stringify = () => 'poisoned';
    const changed = restore();
    expect(changed).toEqual(expect.arrayContaining(['Array.prototype.push', 'JSON.stringify']));
    expect(Array.prototype.push).toBe(push);
    expect(JSON.stringify).toBe(stringify);
    expect(restore()).toEqual([]);
  });

  it('guards the generator prototype the scheduler drives coroutines through', () => {
    const restore = guardIntrinsics();
    const generatorPrototype = Object.getPrototypeOf(function* () {}).prototype;
    const next = generatorPrototype.next;
    delete generatorPrototype.next;
    expect(restore()).toEqual(['%GeneratorPrototype%.next']);
    expect(generatorPrototype.next).toBe(next);
  });

  it('lets cells seed Math.random and replace Date.now, and add new globals', () => {
    const restore = guardIntrinsics();
    const random = Math.random;
    const now = Date.now;
    try {
      Math.random = () => 0.5;
      Date.now = () => 0;
      (globalThis as Record<string, unknown>).aCellGlobal = () => 1;
      expect(restore()).toEqual([]);
    } finally {
      Math.random = random;
      Date.now = now;
      delete (globalThis as Record<string, unknown>).aCellGlobal;
    }
  });
});
