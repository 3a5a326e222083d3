import { describe, expect, it } from 'vitest';
import { __addDisposableResource, __disposeResources, AEXIT, sleep, now, type Coroutine } from '../../src/scheduler';
import { coroutineFrom } from '../../src/scheduler/coroutine';
import { coro, runLines, using } from './helpers';

describe('__addDisposableResource / __disposeResources', () => {
  it('hands the body error to an AEXIT resource, which may suppress it', async () => {
    const seen: unknown[] = [];
    const suppressor = {
      [AEXIT](error: unknown, hasError: boolean): Coroutine<boolean> {
        return coroutineFrom(
          'exit',
          (function* () {
            yield sleep(1);
            seen.push(hasError, String(error));
            return true;
          })()
        );
      }
    };
    const { report } = await runLines(
      coro('main', function* () {
        yield* using(suppressor, function* () {
          throw new Error('swallowed');
        });
        return now();
      })
    );
    expect(seen).toEqual([true, 'Error: swallowed']);
    expect(report.value).toBe(1);
  });

  it('an exit that raises replaces the body error (as __aexit__); a throwing dispose gives SuppressedError', async () => {
    const replacer = {
      [AEXIT]() {
        throw new Error('from exit');
      }
    };
    const thrower = {
      [Symbol.dispose]() {
        throw new Error('from dispose');
      }
    };
    const { report } = await runLines(
      coro('main', function* () {
        const out: string[] = [];
        try {
          yield* using(replacer, function* () {
            throw new Error('body');
          });
        } catch (e) {
          out.push(String(e));
        }
        try {
          const env = { stack: [] as any[], error: undefined as unknown, hasError: false };
          try {
            __addDisposableResource(env, thrower, false);
            throw new Error('body 2');
          } catch (e) {
            env.error = e;
            env.hasError = true;
          } finally {
            __disposeResources(env);
          }
        } catch (e) {
          const s = e as { name: string; error: unknown; suppressed: unknown };
          out.push(`${s.name}: ${String(s.error)} / ${String(s.suppressed)}`);
        }
        return out;
      })
    );
    expect(report.value).toEqual(['Error: from exit', 'SuppressedError: Error: from dispose / Error: body 2']);
  });

  it('accepts null in await using and rejects non-disposable values', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        yield* using(null, function* () {
          yield sleep(1);
        });
        const env = { stack: [] as any[], error: undefined, hasError: false };
        try {
          __addDisposableResource(env, {}, true);
        } catch (e) {
          return [now(), String(e)];
        }
      })
    );
    expect(report.value).toEqual([1, 'TypeError: Object not disposable.']);
  });

  it('with only sync resources disposes synchronously and returns nothing to await', () => {
    const log: string[] = [];
    const env = { stack: [] as any[], error: undefined, hasError: false };
    __addDisposableResource(env, { [Symbol.dispose]: () => log.push('a') }, false);
    __addDisposableResource(env, { [Symbol.dispose]: () => log.push('b') }, false);
    expect(__disposeResources(env)).toBeUndefined();
    expect(log).toEqual(['b', 'a']);
  });
});
