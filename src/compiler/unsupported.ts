/**
 * Constructs a cell cannot use, reported with their position before anything runs: imports of
 * modules other than the cell API (a cell has no module loader), default imports, and exports
 * that would need one.
 */
import ts from 'typescript';
import { API_MODULES } from './cell-abi';

/** An error found while compiling: a syntax error or an unsupported construct (1-based). */
export interface CompileError {
  /** 'syntax': not valid TypeScript or not valid in a cell; 'import': an import a cell cannot make. */
  kind: 'syntax' | 'import';
  message: string;
  line: number;
  column: number;
}

/** Checks the top-level statements of `sourceFile`; `apiNames` lists what the API exports. */
export function checkSupported(sourceFile: ts.SourceFile, apiNames?: ReadonlySet<string>): CompileError[] {
  const errors: CompileError[] = [];
  const reporter =
    (kind: CompileError['kind']) =>
    (node: ts.Node, message: string): void => {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
      errors.push({ kind, message, line: line + 1, column: character + 1 });
    };
  const report = reporter('syntax');
  const reportImport = reporter('import');
  checkAwaitPlacement(sourceFile, report);
  for (const statement of sourceFile.statements) {
    if (
      ts.canHaveModifiers(statement) &&
      ts.getModifiers(statement)?.some(m => m.kind === ts.SyntaxKind.DefaultKeyword)
    ) {
      report(
        statement,
        "'export default' is not supported in a coroutine cell: it is not a module (drop 'export default')"
      );
    } else if (ts.isImportDeclaration(statement)) checkImport(statement, reportImport, apiNames);
    else if (ts.isImportEqualsDeclaration(statement)) {
      reportImport(
        statement,
        `'import ${statement.name.text} = ...' is not supported in a coroutine cell; use import { ... } from '${API_MODULES[0]}'`
      );
    } else if (ts.isExportAssignment(statement)) {
      report(statement, 'a coroutine cell cannot export anything: it is not a module (drop the export)');
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      report(statement, 'a coroutine cell cannot re-export from a module: it is not a module');
    }
  }
  return errors;
}

/**
 * `await` inside a function that is not async is a grammar error TypeScript reports only when
 * type checking (which the cell compiler skips), and the emitted JavaScript would not even parse.
 */
function checkAwaitPlacement(sourceFile: ts.SourceFile, report: (node: ts.Node, message: string) => void): void {
  const visit = (node: ts.Node, inPlainFunction: boolean): void => {
    const isAwait = ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier !== undefined);
    if (isAwait && inPlainFunction) {
      report(
        node,
        "'await' is only allowed in async functions and at the top level of the cell: add 'async' to the enclosing function"
      );
    }
    if (ts.isFunctionLike(node)) {
      const isAsync = ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Async;
      ts.forEachChild(node, child => visit(child, !isAsync));
      return;
    }
    ts.forEachChild(node, child => visit(child, inPlainFunction));
  };
  visit(sourceFile, false);
}

/** Only named and namespace imports of the API are allowed. */
function checkImport(
  statement: ts.ImportDeclaration,
  report: (node: ts.Node, message: string) => void,
  apiNames?: ReadonlySet<string>
): void {
  const specifier = statement.moduleSpecifier;
  const moduleName = ts.isStringLiteral(specifier) ? specifier.text : specifier.getText();
  if (!API_MODULES.includes(moduleName)) {
    report(
      specifier,
      `Cannot find module '${moduleName}': a coroutine cell can only import from '${API_MODULES[0]}' ` +
        '(the cell API); other modules are not available'
    );
    return;
  }
  const clause = statement.importClause;
  if (!clause || clause.isTypeOnly) return;
  if (clause.name) {
    report(
      clause.name,
      `'${moduleName}' has no default export: use import { sleep, gather } from '${moduleName}' or import * as cc from '${moduleName}'`
    );
  }
  const bindings = clause.namedBindings;
  if (apiNames && bindings && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements) {
      const imported = (element.propertyName ?? element.name).text;
      if (!element.isTypeOnly && !apiNames.has(imported)) {
        report(element, `'${moduleName}' has no export named '${imported}'`);
      }
    }
  }
}
