import { __awaiter } from './ts-helpers-awaiter';
import { SLEEP_ZERO } from './coroutine';
import { sleep, sleepFor } from './sleep';
import { __addDisposableResource, __disposeResources } from './disposal';
import { __asyncDelegator, __asyncGenerator, __asyncValues, __await } from './async-generators';

/** The helper functions the compiled cell code calls (TypeScript's emit with noEmitHelpers). */
export const coroutineHelpers = {
  __awaiter,
  __addDisposableResource,
  __disposeResources,
  __asyncValues,
  __asyncGenerator,
  __await,
  __asyncDelegator,
  /** The compiler's direct `await sleep(…)`: `sleep === __cc_sleep ? __cc_sleep0 : sleep(0)`, */
  __cc_sleep: sleep,
  __cc_sleep0: SLEEP_ZERO,
  /** and `sleep === __cc_sleep ? __cc_sleepFor(d) : sleep(d)` (see src/compiler/direct-sleep.ts). */
  __cc_sleepFor: sleepFor
};
