/**
 * Shared helpers of the project scripts: paths, running commands, and content stamps that make
 * `npm start` / `npm test` quick the second time (a step runs only when its inputs changed).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The project's Python environment. */
export const VENV = join(ROOT, '.venv');
/** A program of the project's Python environment. */
export const venvBin = name => join(VENV, 'bin', name);

/** Prints a progress line the user can follow. */
export function step(message) {
  console.log(`\x1b[36m[coroutine-cells]\x1b[0m ${message}`);
}

/** Runs a command, inheriting stdio; exits the script with its code if it fails. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.error) {
    console.error(`[coroutine-cells] could not run ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`[coroutine-cells] failed (exit ${result.status}): ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
  return result;
}

/** Hashes files and folders (recursively, sorted) into one hex digest. */
export function hashInputs(paths) {
  const hash = createHash('sha256');
  const visit = path => {
    if (!existsSync(path)) {
      hash.update(`missing:${path}`);
      return;
    }
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (name !== 'node_modules' && name !== '__pycache__') {
          visit(join(path, name));
        }
      }
      return;
    }
    hash.update(path);
    hash.update(readFileSync(path));
  };
  for (const path of paths) {
    visit(resolve(ROOT, path));
  }
  return hash.digest('hex');
}

/** True when the stamp file holds `digest`, i.e. the step already ran on these inputs. */
export function isFresh(stampFile, digest) {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === digest;
}

/** Records that the step ran on inputs with `digest`. */
export function writeStamp(stampFile, digest) {
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, digest);
}
