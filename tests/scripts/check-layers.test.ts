/** The layer rule (scripts/check-layers.mjs) passes the real src/ and catches each kind of breach. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { checkLayers } from '../../scripts/check-layers.mjs';

/** A src/ tree with the given files (path → text). */
function tree(files: Record<string, string>): string {
  const src = mkdtempSync(join(tmpdir(), 'layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  }
  return src;
}

describe('layer rule', () => {
  it("the project's own src/ follows it", () => {
    expect(checkLayers(resolve(__dirname, '../../src'))).toEqual([]);
  });

  it('reports a lower layer importing a higher one, a value import where only types may come, a deep import and a host package', () => {
    const src = tree({
      'scheduler/index.ts': "export { x } from './a';",
      'scheduler/a.ts': "import { CellSession } from '../runtime';\nexport const x = 1;",
      'chart/index.ts':
        "import { sleep } from '../scheduler/sleep';\nimport type { Trace } from '../scheduler/trace-events';",
      'runtime/index.ts': "import { Task } from '../scheduler/task';\nimport { readFile } from 'node:fs';",
      'protocol/index.ts': 'export const y = 2;'
    });
    expect(checkLayers(src)).toEqual([
      "chart/index.ts: imports '../scheduler/sleep': layer 'chart' may take only types from 'scheduler' (import type)",
      "runtime/index.ts: imports '../scheduler/task': layer 'runtime' may use 'scheduler' only through its index.ts",
      "runtime/index.ts: imports package 'node:fs', which layer 'runtime' may not use",
      "scheduler/a.ts: imports '../runtime': layer 'scheduler' may not import layer 'runtime'"
    ]);
  });
});
