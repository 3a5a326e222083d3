/**
 * scripts/test.mjs counts honestly: it runs vitest on fixture suites and must fail a failing
 * test, an empty suite and a run with an unhandled error, and list skipped tests.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');

function runner(fixture: string): { status: number | null; out: string } {
  const config = join(__dirname, 'fixtures', fixture, 'vitest.config.mts');
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'test.mjs'), '--unit', '--vitest-config', config], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('scripts/test.mjs', () => {
  it('passes a passing suite and lists and counts its skipped test', () => {
    const { status, out } = runner('passing');
    expect(out).toContain('total: 1 passed, 0 failed, 1 skipped');
    expect(out).toContain('1 skipped in vitest:');
    expect(out).toContain('is skipped, and the runner must say so');
    expect(status).toBe(0);
  }, 120_000);

  it('fails a failing test', () => {
    const { status, out } = runner('failing');
    expect(out).toContain('total: 0 passed, 1 failed, 0 skipped');
    expect(status).toBe(1);
  }, 120_000);

  it('fails a suite that ran zero tests', () => {
    const { status, out } = runner('empty');
    expect(out).toMatch(/✗.* vitest (ran at least one test|wrote its report)/);
    expect(out).toMatch(/total: 0 passed, 1 failed/);
    expect(status).toBe(1);
  }, 120_000);

  it('fails a run whose tests passed but that exited non-zero (an unhandled error)', () => {
    const { status, out } = runner('unhandled');
    expect(out).toContain('vitest exited with status 0');
    expect(out).toMatch(/total: 1 passed, 1 failed/);
    expect(status).toBe(1);
  }, 120_000);
});
