import { __awaiter } from './ts-helpers-awaiter';

/** The helper functions the compiled cell code calls (TypeScript's emit with noEmitHelpers). */
export const coroutineHelpers = {
  __awaiter
};
