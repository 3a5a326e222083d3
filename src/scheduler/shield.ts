import { Future } from './future';
import { ensureFuture } from './task-api';
import type { Coroutine } from './coroutine';

/**
 * `shield` — `asyncio.shield`: protects `aw` from cancellation. Gives an outer future linked to
 * `aw`: cancelling the outer (e.g. the awaiting task is cancelled) leaves `aw` running; if `aw`
 * itself is cancelled, so is the outer.
 */
export function shield<T>(aw: Coroutine<T> | Future<T>): Future<T> {
  const inner = ensureFuture<T>('shield()', 'aw', aw);
  if (inner.done()) return inner;
  const outer = new Future<T>(inner.label, inner.waitKind);
  const innerDone = (f: Future<T>): void => {
    if (outer.cancelled()) {
      if (!f.cancelled()) f.exception(); // mark retrieved
      return;
    }
    if (f.cancelled()) outer.cancel();
    else {
      const exc = f.exception();
      if (f._hasException) outer.setException(exc);
      else outer.setResult(f.result());
    }
  };
  const outerDone = (): void => {
    if (!inner.done()) inner.removeDoneCallback(innerDone);
  };
  inner.addDoneCallback(innerDone);
  outer.addDoneCallback(outerDone);
  return outer;
}
