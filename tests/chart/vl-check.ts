/** Compiles a spec with the installed vega-lite 5, failing on any warning, and checks the $schema. */
import { compile } from 'vega-lite';
import { expect } from 'vitest';

/** Returns the compiled Vega spec; throws if vega-lite logs a warning or error. */
export function compileStrict(spec: unknown): object {
  const messages: string[] = [];
  const logger = {
    level(): any { return logger; },
    error: (...args: unknown[]) => { messages.push(`error: ${args.join(' ')}`); return logger; },
    warn: (...args: unknown[]) => { messages.push(`warn: ${args.join(' ')}`); return logger; },
    info: () => logger,
    debug: () => logger
  };
  expect((spec as { $schema?: string }).$schema).toMatch(/^https:\/\/vega\.github\.io\/schema\/vega-lite\/v5(\.\d+){0,2}\.json$/);
  const result = compile(spec as any, { logger: logger as any });
  expect(messages).toEqual([]);
  return result.spec;
}
