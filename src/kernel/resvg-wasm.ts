/**
 * `@resvg/resvg-js` for the bundles in the Python package: the same resvg release compiled to
 * WebAssembly, so one wheel works on every platform (resvg-js is a native module per platform).
 * The bundler maps the import of '@resvg/resvg-js' here (scripts/build-kernel.mjs); call
 * `resvgReady` before the first render. Font files are read and handed over as buffers (the
 * WebAssembly build cannot open files).
 */
import { initWasm, Resvg as WasmResvg, type ResvgRenderOptions } from '@resvg/resvg-wasm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let ready: Promise<void> | null = null;

/** Loads resvg.wasm from beside the bundle (once). */
export function resvgReady(): Promise<void> {
  ready ??= initWasm(readFileSync(join(__dirname, 'resvg.wasm')));
  return ready;
}

/** The options renderChartPng passes (resvg-js's: font files, a log level). */
interface NativeOptions extends Omit<ResvgRenderOptions, 'font'> {
  font?: { fontFiles?: string[]; loadSystemFonts?: boolean; defaultFontFamily?: string; sansSerifFamily?: string };
  logLevel?: string;
}

/** resvg-js's Resvg class over the WebAssembly build. */
export class Resvg extends WasmResvg {
  constructor(svg: string, options: NativeOptions = {}) {
    const { logLevel: _level, font: fontOptions, ...rest } = options;
    const { fontFiles = [], loadSystemFonts: _system, ...font } = fontOptions ?? {};
    super(svg, { ...rest, font: { ...font, fontBuffers: fontFiles.map(file => new Uint8Array(readFileSync(file))) } });
  }
}
