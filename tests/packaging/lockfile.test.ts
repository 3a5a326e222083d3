/**
 * The lock is complete, so `npm ci` (scripts/setup.mjs) installs from it and `npm install`
 * leaves it unchanged: package.json's dependencies are the lock's, and every optional
 * dependency of a locked package (the platform builds of esbuild, rspack, resvg...) has its
 * own entry. A lock written where a registry mirror lacked some of them fails here, offline,
 * instead of in `npm ci` (docs/testing.md).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8'));
type Entry = {
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const packages = lock.packages as Record<string, Entry>;

/** Where npm would find `name` for the package at `path` (its own node_modules, then up). */
function resolveEntry(path: string, name: string): string | undefined {
  let base = path;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const up = base.lastIndexOf('/node_modules/');
    base = up < 0 ? '' : base.slice(0, up);
  }
}

describe('package-lock.json', () => {
  it("lists exactly package.json's dependencies at its root", () => {
    expect(packages[''].dependencies).toEqual(pkg.dependencies);
    expect(packages[''].devDependencies).toEqual(pkg.devDependencies);
  });

  it('has an entry for every optional dependency of every locked package', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!resolveEntry(path, name)) missing.push(`${name} (optional dependency of ${path || 'the root'})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
