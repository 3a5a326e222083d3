import { __awaiter } from './ts-helpers-awaiter';
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
  __asyncDelegator
};
