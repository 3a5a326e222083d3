import { describe, expect, it } from 'vitest';
import { CancelledError, createTask, Future, sleep, now, waitFor, shield } from '../../src/scheduler';
import { getRunningLoop } from '../../src/scheduler/loop-state';
import type { EventLoop } from '../../src/scheduler/event-loop';
import { asyncFn, coro, runLines } from './helpers';

const slowWithCleanup = asyncFn('slow', function* (log: string[], delay: number, cleanup: number) {
  try {
    yield sleep(delay);
    return 'done';
  } finally {
    log.push(`cleanup starts at ${now()}`);
    yield sleep(cleanup);
  }
});

describe('waitFor (3.11 rules, §7)', () => {
  it('null timeout just awaits', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        return [yield waitFor(sleep(5, 'v'), null), now()];
      })
    );
    expect(report.value).toEqual(['v', 5]);
  });

  it('raises TimeoutError only after the inner task finished its cleanup', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        yield sleep(1);
        try {
          yield waitFor(slowWithCleanup(log, 5, 0.5), 1);
        } catch (e) {
          return [String(e), (e as Error).cause instanceof CancelledError, now()];
        }
      })
    );
    expect(log).toEqual(['cleanup starts at 2']);
    expect(report.value).toEqual(['TimeoutError', true, 2.5]);
  });

  it('timeout <= 0: a coroutine never starts; a done future returns its result', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const out: string[] = [];
        try {
          yield waitFor(
            coro('never', function* () {
              log.push('ran');
            }),
            0
          );
        } catch (e) {
          out.push(String(e));
        }
        const f = new Future<string>();
        f.setResult('ready');
        out.push((yield waitFor(f, 0)) as string);
        return out;
      })
    );
    expect(log).toEqual([]);
    expect(report.value).toEqual(['TimeoutError', 'ready']);
  });

  it('returns the value if the inner swallows the cancel', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        return yield waitFor(
          coro('stubborn', function* () {
            try {
              yield sleep(5);
            } catch {
              return 'swallowed';
            }
          }),
          1
        );
      })
    );
    expect(report.value).toBe('swallowed');
  });

  it('tie: waitFor(sleep(1), 1) raises TimeoutError; a future resolved by a timer at the deadline wins', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const out: string[] = [];
        try {
          yield waitFor(sleep(1), 1);
          out.push('sleep finished');
        } catch (e) {
          out.push(String(e));
        }
        const f = new Future<string>();
        (getRunningLoop() as EventLoop).callLater(1, () => f.setResult('future won'));
        out.push((yield waitFor(f, 1)) as string);
        return out;
      })
    );
    expect(report.value).toEqual(['TimeoutError', 'future won']);
  });

  it('cancelling the task running waitFor cancels the inner, waits for it, re-raises CancelledError', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const t = createTask(waitFor(slowWithCleanup(log, 10, 1), 5));
        yield sleep(1);
        t.cancel();
        try {
          yield t;
        } catch (e) {
          return [String(e), now()];
        }
      })
    );
    expect(report.value).toEqual(['CancelledError', 2]);
  });

  it('rejects a non-awaitable and a bad timeout', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const errors: string[] = [];
        try {
          waitFor(42 as never, 1);
        } catch (e) {
          errors.push(String(e));
        }
        try {
          waitFor(new Future(), 'x' as never);
        } catch (e) {
          errors.push(String(e));
        }
        return errors;
      })
    );
    expect(report.value).toEqual([
      'TypeError: waitFor(): aw must be a coroutine, Task or Future, got 42',
      'TypeError: waitFor(): timeout must be a number or null, got "x"'
    ]);
  });
});

describe('shield (§8)', () => {
  it('cancelling the awaiter leaves the inner running; the awaiter gets CancelledError', async () => {
    const log: string[] = [];
    const { report } = await runLines(
      coro('main', function* () {
        const inner = createTask(
          coro('inner', function* () {
            yield sleep(3);
            log.push(`inner done at ${now()}`);
            return 'i';
          })
        );
        const outer = createTask(
          coro('outer', function* () {
            return yield shield(inner);
          })
        );
        yield sleep(1);
        outer.cancel();
        try {
          yield outer;
        } catch (e) {
          log.push(`outer: ${e} at ${now()}`);
        }
        return yield inner;
      })
    );
    expect(log).toEqual(['outer: CancelledError at 1', 'inner done at 3']);
    expect(report.value).toBe('i');
    expect(report.warnings).toEqual([]);
  });

  it('returns a done argument as it is, and cancels the outer if the inner is cancelled', async () => {
    const { report } = await runLines(
      coro('main', function* () {
        const f = new Future<number>();
        f.setResult(1);
        const same = shield(f) === f;
        const inner = createTask(sleep(5));
        const outer = shield(inner);
        yield sleep(1);
        inner.cancel();
        try {
          yield outer;
        } catch {
          /* cancelled */
        }
        return [same, outer.cancelled()];
      })
    );
    expect(report.value).toEqual([true, true]);
  });
});
