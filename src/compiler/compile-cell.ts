/**
 * Compiles one cell: TypeScript source → JavaScript whose async functions create the
 * scheduler's lazy coroutines, over the notebook's cross-cell scope.
 *
 * This is `ts.transpileModule` done by hand (a one-file program without lib files, no type
 * check, target ES2016, noEmitHelpers), because the scope analysis needs the program's checker
 * to resolve names; custom transformers run around TypeScript's own: `cellTransformer`
 * (scope + wrapper) before; after, `awaiterNamesTransformer` (coroutine names),
 * `disposalMarksTransformer` (`await using` lines) and `hoistGeneratorsTransformer` (one generator
 * function per async function, not per call).
 */
import ts from 'typescript';
import { awaiterNamesTransformer } from './awaiter-names';
import { HELPER_NAMES, SCOPE_BINDINGS, SLEEP_BINDINGS } from './cell-abi';
import { cellTransformer } from './cell-transformer';
import { disposalMarksTransformer } from './disposal-marks';
import { hoistGeneratorsTransformer } from './hoist-generators';
import { collectFunctionNames } from './function-names';
import { analyseScope, type DeclarationKind } from './scope-analysis';
import { decodeSourceMap, type DecodedSourceMap } from './source-map';
import { checkSupported, type CompileError } from './unsupported';
import { parseCell } from './parse-cell';

export type { CompileError } from './unsupported';

/** A function of the cell's source, for "in name" in tracebacks (offsets in the source). */
export interface FunctionRange {
  start: number;
  end: number;
  name: string;
}

/** A compiled cell, ready for the runtime to evaluate. */
export interface CompiledCell {
  /** `(function (helpers..., scope bindings...) { ... return async () => {...}; })` plus sourceURL. */
  readonly code: string;
  /** The sourceURL given to the code: stack frames with this file name belong to this cell. */
  readonly url: string;
  /** Lines of `code` before the emitted JavaScript starts (the wrapper's first line). */
  readonly lineOffset: number;
  /** Maps emitted positions back to the cell's TypeScript. */
  readonly sourceMap: DecodedSourceMap;
  /** The top-level names the cell declares. */
  readonly declared: ReadonlyMap<string, DeclarationKind>;
  /** The cell's functions with their names, innermost last among overlapping ones. */
  readonly functions: readonly FunctionRange[];
  /** Source offsets of the cell's marked awaits (`__cc_at(i, ...)` refers to index i). */
  readonly awaits: readonly number[];
  /** The cell's own source and label (for tracebacks). */
  readonly source: string;
  readonly cellLabel: string;
}

/** The result: a compiled cell, or the errors to report before anything runs. */
export type CompileResult = { ok: true; cell: CompiledCell } | { ok: false; errors: CompileError[] };

/** Options of one compilation. */
export interface CompileOptions {
  /** Label of the cell in tracebacks, e.g. "cell[3]". */
  cellLabel: string;
  /** The sourceURL of the code (unique per compiled cell). */
  url: string;
  /** Free names that stay plain JavaScript globals (default: those of `globalThis`). */
  keepFree?: (name: string) => boolean;
  /** The names `import { ... } from 'coroutine-cells'` may import (unchecked when absent). */
  apiNames?: ReadonlySet<string>;
}

const FILE_NAME = 'cell.ts';

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2016,
  module: ts.ModuleKind.ESNext,
  moduleDetection: ts.ModuleDetectionKind.Force,
  noEmitHelpers: true,
  importHelpers: false,
  alwaysStrict: true,
  sourceMap: true,
  noLib: true,
  noResolve: true,
  noCheck: true,
  isolatedModules: true,
  suppressOutputPathCheck: true,
  allowNonTsExtensions: true,
  newLine: ts.NewLineKind.LineFeed
};

/** Compiles `source`; syntax errors and unsupported constructs come back as errors. */
export function compileCell(source: string, options: CompileOptions): CompileResult {
  if (typeof source !== 'string') {
    throw new TypeError(`compileCell(): source must be a string, got ${typeof source}`);
  }
  for (const key of ['cellLabel', 'url'] as const) {
    if (typeof options?.[key] !== 'string' || options[key] === '') {
      throw new TypeError(
        `compileCell(): options.${key} must be a non-empty string, got ${JSON.stringify(options?.[key])}`
      );
    }
  }
  const sourceFile = parseCell(FILE_NAME, source);
  // The program only wraps the parsed file (no lib files, no type check): cheap to create.
  const program = ts.createProgram([FILE_NAME], COMPILER_OPTIONS, oneFileHost(sourceFile));
  const syntax = program.getSyntacticDiagnostics(sourceFile);
  if (syntax.length > 0) return { ok: false, errors: syntax.map(d => toCompileError(d, sourceFile)) };
  const unsupported = checkSupported(sourceFile, options.apiNames);
  if (unsupported.length > 0) return { ok: false, errors: unsupported };

  const keepFree = options.keepFree ?? ((name: string) => name in globalThis);
  const analysis = analyseScope(sourceFile, program.getTypeChecker(), keepFree);
  const names = collectFunctionNames(sourceFile);

  let js = '';
  let map = '';
  const awaits: number[] = [];
  const emit = program.emit(
    sourceFile,
    (fileName, text) => {
      if (fileName.endsWith('.map')) map = text;
      else js = text;
    },
    undefined,
    false,
    {
      before: [cellTransformer(analysis, arrow => names.set(arrow, options.cellLabel), awaits)],
      after: [
        awaiterNamesTransformer(names),
        disposalMarksTransformer(sourceFile, awaits),
        hoistGeneratorsTransformer()
      ]
    }
  );
  if (emit.emitSkipped || js === '') {
    throw new Error(`compileCell(): TypeScript emitted nothing for ${options.cellLabel}`);
  }
  // The module emit may end with `export {};` and always with a sourceMappingURL comment.
  js = js.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n').replace(/\nexport \{\};\s*$/, '\n');
  const parameters = [...HELPER_NAMES, ...SCOPE_BINDINGS, ...SLEEP_BINDINGS].join(', ');
  const code = `(function (${parameters}) {\n` + js + `})\n//# sourceURL=${options.url}\n`;
  return {
    ok: true,
    cell: {
      code,
      url: options.url,
      lineOffset: 1,
      sourceMap: decodeSourceMap(map),
      declared: analysis.declared,
      functions: functionRanges(sourceFile, names),
      awaits,
      source,
      cellLabel: options.cellLabel
    }
  };
}

/** A compiler host that knows only the cell's file. */
function oneFileHost(sourceFile: ts.SourceFile): ts.CompilerHost {
  return {
    getSourceFile: fileName => (fileName === FILE_NAME ? sourceFile : undefined),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => {},
    getCurrentDirectory: () => '/',
    getCanonicalFileName: fileName => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: fileName => fileName === FILE_NAME,
    readFile: () => undefined,
    directoryExists: () => true,
    getDirectories: () => []
  };
}

/** A diagnostic as a positioned compile error (1-based line and column). */
function toCompileError(diagnostic: ts.Diagnostic, sourceFile: ts.SourceFile): CompileError {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  return {
    kind: 'syntax',
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
    line: line + 1,
    column: character + 1
  };
}

/** Every function of the source with its name ('<anonymous>' if none), outermost first. */
function functionRanges(sourceFile: ts.SourceFile, names: Map<ts.Node, string>): FunctionRange[] {
  const out: FunctionRange[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && !ts.isTypeNode(node) && 'body' in node && node.body) {
      out.push({ start: node.getStart(sourceFile), end: node.end, name: names.get(node) ?? '<anonymous>' });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}
