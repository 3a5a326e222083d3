import { Future } from './future';
import { getRunningLoop } from './loop-state';
import type { WaitKind } from './trace-events';

let unboundSerial = 0;

/**
 * Base of the sync primitives: a lazily numbered label ("Lock#1", per run) and the waiter
 * futures tasks suspend on, carrying that label and kind for the trace and deadlock reports.
 */
export class LabelledPrimitive {
  private _label: string | null = null;
  constructor(
    private readonly kindName: string,
    public waitKind: WaitKind
  ) {}

  /** "Lock#1": the primitive's name in the trace. */
  get label(): string {
    if (this._label === null) {
      const loop = getRunningLoop();
      this._label = `${this.kindName}#${loop ? loop.nextSerial(this.kindName) : ++unboundSerial}`;
    }
    return this._label;
  }
  set label(text: string) {
    this._label = text;
  }

  /** @internal a future a task waits on, labelled with this primitive (and an optional suffix). */
  protected newWaiter<T>(suffix = ''): Future<T> {
    return new Future<T>(this.label + suffix, this.waitKind);
  }
}

/** Removes the first occurrence of `item` from `list` (deque.remove). */
export function removeItem<T>(list: T[], item: T): boolean {
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}
