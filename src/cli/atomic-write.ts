/**
 * Safe file output for the CLI: every file is written to a temporary file in the same folder and
 * renamed over the target, so a run killed while writing leaves the old file or the new one,
 * never a truncated mix; and output paths are checked before anything runs, so an unwritable
 * path is a one-line error at once instead of a stack trace after a long run.
 */
import { chmod, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Writes `text` to `path` atomically (temporary file in the same folder, fsync, rename). */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await stat(target)).mode & 0o7777;
  } catch {
    // A new file: the default mode.
  }
  const handle = await open(temporary, 'wx', mode ?? 0o666);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

/**
 * Why `path` cannot be written (a sentence naming the path and the problem), or null if it can:
 * the folder must exist and be writable, and the path must not be a folder itself.
 */
export async function unwritableReason(path: string): Promise<string | null> {
  const target = resolve(path);
  const folder = dirname(target);
  try {
    if (!(await stat(folder)).isDirectory()) return `cannot write ${path}: ${folder} is not a folder`;
  } catch {
    return `cannot write ${path}: the folder ${folder} does not exist`;
  }
  // Try it: permissions alone miss read-only file systems (and root passes every permission check).
  const probe = join(folder, `.coroutine-cells-probe.${process.pid}.${Date.now()}.tmp`);
  try {
    await (await open(probe, 'wx')).close();
    await unlink(probe);
  } catch (error) {
    return `cannot write ${path}: the folder ${folder} is not writable (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  try {
    const existing = await stat(target);
    if (existing.isDirectory()) return `cannot write ${path}: it is a folder`;
  } catch {
    // Does not exist yet: fine.
  }
  return null;
}
