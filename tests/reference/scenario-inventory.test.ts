// Every scenario is a complete pair and is run by exactly one section test file.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(join(here, 'scenarios'));
const stems = (ext: string) =>
  files
    .filter(f => f.endsWith(ext) && f !== 'prelude.ts')
    .map(f => f.slice(0, -ext.length))
    .sort();
const testSources = readdirSync(here)
  .filter(f => /^s\d\d-.*\.test\.ts$/.test(f))
  .map(f => readFileSync(join(here, f), 'utf8'));

describe('reference scenario inventory', () => {
  it('pairs every Python scenario with a TypeScript one and back', () => {
    expect(stems('.ts')).toEqual(stems('.py'));
    expect(stems('.py').length).toBeGreaterThanOrEqual(40);
  });

  it('runs every scenario in exactly one section test file', () => {
    for (const name of stems('.py')) {
      const uses = testSources.filter(src => src.includes(`'${name}'`)).length;
      expect(uses, name).toBe(1);
    }
  });

  it('covers every numbered section 0 to 11 of the semantics reference', () => {
    for (let section = 0; section <= 11; section++) {
      const prefix = `s${String(section).padStart(2, '0')}-`;
      expect(
        stems('.py').some(n => n.startsWith(prefix)),
        prefix
      ).toBe(true);
    }
  });
});
