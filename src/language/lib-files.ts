/** Which ES library files the cells' program needs: the roots and everything they reference. */
import { CELL_COMPILER_OPTIONS } from './notebook-program';

/** `/// <reference lib="es2021" />` → lib.es2021.d.ts */
const REFERENCE = /\/\/\/\s*<reference\s+lib\s*=\s*["']([^"']+)["']/g;

/**
 * The lib files `CELL_COMPILER_OPTIONS.lib` needs, read with `read(fileName)` (e.g. from
 * typescript/lib/), as a map file name → text. Throws naming a file that cannot be read.
 */
export function libFileClosure(read: (fileName: string) => string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const pending = [...(CELL_COMPILER_OPTIONS.lib ?? [])];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (out[name] !== undefined) continue;
    const text = read(name);
    if (text === undefined) throw new Error(`TypeScript library file ${name} not found`);
    out[name] = text;
    for (const match of text.matchAll(REFERENCE)) pending.push(`lib.${match[1].toLowerCase()}.d.ts`);
  }
  return out;
}
