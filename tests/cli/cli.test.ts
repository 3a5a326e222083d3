import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE } from '../../src/cli/parse-args';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'coroutine-cells-cli-'));

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/coroutine-cells.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, source: string): string {
  const path = join(dir, name);
  writeFileSync(path, source);
  return path;
}

const SEED = readFileSync(join(ROOT, 'tests/fixtures/seed-example.ts'), 'utf8');
const SEED_OUTPUT = readFileSync(join(ROOT, 'tests/fixtures/seed-example.out'), 'utf8');

describe('coroutine-cells run (end to end)', () => {
  it('runs the seed example and prints exactly the asyncio output', () => {
    const result = cli(['run', file('seed.ts', SEED)]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(SEED_OUTPUT);
    expect(result.status).toBe(0);
  }, 60_000);

  it('--outputs writes nbformat outputs with the chart and its PNG', () => {
    const out = join(dir, 'out.json');
    const result = cli(['run', file('seed2.ts', SEED), '--outputs', out]);
    expect(result.status).toBe(0);
    const outputs = JSON.parse(readFileSync(out, 'utf8'));
    expect(outputs[0]).toEqual({ output_type: 'stream', name: 'stdout', text: expect.stringContaining('Main: End\n') });
    const chart = outputs[1];
    expect(chart.output_type).toBe('display_data');
    expect(chart.metadata['coroutine-cells']).toEqual({ chart: true });
    expect(chart.metadata['image/png'].alt).toMatch(
      /^Timing chart\. Completed: 3 tasks, 3 s of virtual time, \d+ steps\. main returned undefined; task1 returned "Task 1 result"; task2 returned "Task 2 result"\.$/
    );
    expect(Object.keys(chart.data).sort()).toEqual(['application/vnd.vegalite.v5+json', 'image/png', 'text/plain']);
    const png = Buffer.from(chart.data['image/png'], 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  }, 60_000);

  it('a failing file exits 1 with a traceback on stderr (no colours when piped)', () => {
    const path = file(
      'fail.ts',
      'print("start");\nasync function f() {\n  await sleep(1);\n  throw new TypeError("nope");\n}\nawait createTask(f());\n'
    );
    const result = cli(['run', path]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('start\n');
    expect(result.stderr).toContain(`Cell ${path}, line 4, column 9, in f`);
    expect(result.stderr).toContain('TypeError: nope');
    expect(result.stderr).not.toContain('\x1b[');
  }, 60_000);

  it('--clock real runs on the real clock', () => {
    const result = cli(['run', file('real.ts', 'await sleep(0.05);\nprint(now() >= 0.04);'), '--clock', 'real']);
    expect(result.stdout).toBe('true\n');
    expect(result.status).toBe(0);
  }, 60_000);

  it('usage errors print the usage line and exit 2', () => {
    for (const args of [
      [],
      ['run'],
      ['execute', 'x.ts'],
      ['run', 'a.ts', '--clock', 'fast'],
      ['run', join(dir, 'missing.ts')]
    ]) {
      const result = cli(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(USAGE);
    }
  }, 60_000);
});

describe('parseArgs', () => {
  it('parses the run command and its options', () => {
    expect(parseArgs(['run', 'a.ts', '--outputs=o.json', '--clock', 'real'])).toEqual({
      ok: true,
      run: { command: 'run', file: 'a.ts', outputs: 'o.json', clock: 'real' }
    });
    expect(parseArgs(['run', 'a.ts', 'b.ts'])).toEqual({
      ok: false,
      help: false,
      message: "unexpected argument 'b.ts' (one FILE only)"
    });
    expect(parseArgs(['run', 'a.ts', '--verbose'])).toEqual({
      ok: false,
      help: false,
      message: "unknown option '--verbose'"
    });
    expect(parseArgs(['--help'])).toEqual({ ok: false, help: true, message: '' });
  });
});

describe('--max-memory', () => {
  it('is parsed for every command and checked', () => {
    expect(parseArgs(['run', 'a.ts', '--max-memory', '512'])).toEqual({
      ok: true,
      run: { command: 'run', file: 'a.ts', maxMemoryMb: 512 }
    });
    expect(parseArgs(['check', 'a.ipynb', '--max-memory=64'])).toMatchObject({
      ok: true,
      notebook: { maxMemoryMb: 64 }
    });
    expect(parseArgs(['run', 'a.ts', '--max-memory', 'lots'])).toEqual({
      ok: false,
      help: false,
      message: '--max-memory must be a whole number of megabytes (at least 16), got "lots"'
    });
  });
});
