/**
 * Findings 6 and 10: every file the CLI writes is written atomically (a temporary file renamed
 * over the target: the old file is never truncated in place), and output paths are checked
 * before anything runs (a one-line error, no stack trace, nothing run).
 */
import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellsOf, cli, notebookFile, RAW_CRASH, streamOf, tempDir } from './helpers';

const dir = tempDir();

/** The whole content of an open file descriptor. */
function readFd(fd: number, size: number): string {
  const buffer = Buffer.alloc(size);
  readSync(fd, buffer, 0, size, 0);
  return buffer.toString('utf8');
}

describe('finding 6: atomic writes', () => {
  it('execute --inplace replaces the notebook by rename: the old file is never rewritten in place, its mode kept', () => {
    const path = notebookFile(dir, 'inplace.ipynb', ['print("x".repeat(100_000));']);
    chmodSync(path, 0o640);
    const before = readFileSync(path, 'utf8');
    const beforeInode = statSync(path).ino;
    // An open descriptor keeps the old file: a rename leaves it whole, a rewrite in place changes it.
    const fd = openSync(path, 'r');
    try {
      const result = cli(['execute', path, '--inplace'], dir);
      expect(result.status).toBe(0);
      expect(readFd(fd, Buffer.byteLength(before) + 1000).replace(/\0+$/, '')).toBe(before);
    } finally {
      closeSync(fd);
    }
    const after = statSync(path);
    expect(after.ino).not.toBe(beforeInode);
    expect(after.mode & 0o777).toBe(0o640);
    expect(streamOf(cellsOf(path)[0], 'stdout')).toHaveLength(100_001);
  }, 60_000);

  it('run --outputs writes its JSON the same way and leaves no temporary file', () => {
    const file = join(dir, 'one.ts');
    writeFileSync(file, 'print("hi");\n');
    const out = join(dir, 'one.json');
    writeFileSync(out, '"old"\n');
    const inode = statSync(out).ino;
    const result = cli(['run', file, '--outputs', out], dir);
    expect(result.status).toBe(0);
    expect(statSync(out).ino).not.toBe(inode);
    expect(JSON.parse(readFileSync(out, 'utf8'))[0].text).toBe('hi\n');
    expect(readdirSync(dir).filter(name => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});

describe('finding 10: output paths are checked before running', () => {
  const cell = `print("the cell ran");`;

  it('run --outputs into a missing folder: one clear line, exit 2, nothing run', () => {
    const file = join(dir, 'x.ts');
    writeFileSync(file, cell);
    const result = cli(['run', file, '--outputs', '/nonexistent/x.json'], dir);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'coroutine-cells: cannot write /nonexistent/x.json: the folder /nonexistent does not exist; nothing was run\n'
    );
  }, 60_000);

  it('execute -o below a file, or onto a folder: one clear line each, the input notebook untouched', () => {
    const path = notebookFile(dir, 'in.ipynb', [cell]);
    const before = readFileSync(path, 'utf8');
    const notAFolder = join(dir, 'plain-file');
    writeFileSync(notAFolder, '');
    const below = cli(['execute', path, '-o', join(notAFolder, 'out.ipynb')], dir);
    expect(below.status).toBe(2);
    expect(below.stderr).toMatch(
      /^coroutine-cells: cannot write .*plain-file\/out\.ipynb: .*plain-file is not a folder; nothing was run\n$/
    );
    mkdirSync(join(dir, 'a-folder'), { recursive: true });
    const onto = cli(['execute', path, '-o', join(dir, 'a-folder')], dir);
    expect(onto.status).toBe(2);
    expect(onto.stderr).toMatch(/^coroutine-cells: cannot write .*a-folder: it is a folder; nothing was run\n$/);
    for (const result of [below, onto]) expect(result.stderr).not.toMatch(RAW_CRASH);
    expect(readFileSync(path, 'utf8')).toBe(before);
  }, 60_000);
});
