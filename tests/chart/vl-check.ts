/**
 * Checks a chart spec the way JupyterLab will see it: compiles it with the installed vega-lite
 * 5.23 and with vega-lite 5.6.1 (what JupyterLab 4.6 renders), failing on any warning, validates
 * it against the 5.6.1 JSON schema (so no newer property slips in), and checks the v5 $schema.
 */
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compile } from 'vega-lite';
import { compile as compile56 } from 'vega-lite-5-6';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
let validate56: (((spec: unknown) => boolean) & { errors?: unknown }) | undefined;

function schemaValidator() {
  if (!validate56) {
    const schema = JSON.parse(readFileSync(require.resolve('vega-lite-5-6/build/vega-lite-schema.json'), 'utf8'));
    validate56 = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, logger: false }).compile(schema);
  }
  return validate56!;
}

function compileCollecting(fn: typeof compile, spec: unknown): { spec: object; messages: string[] } {
  const messages: string[] = [];
  const logger = {
    level(): any {
      return logger;
    },
    error: (...args: unknown[]) => {
      messages.push(`error: ${args.join(' ')}`);
      return logger;
    },
    warn: (...args: unknown[]) => {
      messages.push(`warn: ${args.join(' ')}`);
      return logger;
    },
    info: () => logger,
    debug: () => logger
  };
  return { spec: fn(spec as any, { logger: logger as any }).spec, messages };
}

/** Returns the compiled Vega spec; fails if either vega-lite logs anything or the 5.6 schema rejects it. */
export function compileStrict(spec: unknown): object {
  expect((spec as { $schema?: string }).$schema).toMatch(
    /^https:\/\/vega\.github\.io\/schema\/vega-lite\/v5(\.\d+){0,2}\.json$/
  );
  const current = compileCollecting(compile, spec);
  expect(current.messages).toEqual([]);
  const old = compileCollecting(compile56 as typeof compile, spec);
  expect(old.messages).toEqual([]);
  const validate = schemaValidator();
  const valid = validate(spec);
  expect(valid ? [] : validate.errors).toEqual([]);
  return current.spec;
}
