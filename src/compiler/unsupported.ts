/**
 * Constructs a cell cannot use, reported with their position before anything runs: imports of
 * modules other than the cell API (a cell has no module loader), default imports, and exports
 * that would need one.
 */
import ts from 'typescript';
import { API_MODULES } from './cell-abi';

/** An error found while compiling: a syntax error or an unsupported construct (1-based). */
export interface CompileError {
  kind: 'syntax' | 'unsupported';
  message: string;
  line: number;
  column: number;
}

/** Checks the top-level statements of `sourceFile`; `apiNames` lists what the API exports. */
export function checkSupported(sourceFile: ts.SourceFile, apiNames?: ReadonlySet<string>): CompileError[] {
  const errors: CompileError[] = [];
  const report = (node: ts.Node, message: string): void => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    errors.push({ kind: 'unsupported', message, line: line + 1, column: character + 1 });
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) checkImport(statement, report, apiNames);
    else if (ts.isImportEqualsDeclaration(statement)) {
      report(statement, `'import ${statement.name.text} = ...' is not supported in a coroutine cell; use import { ... } from '${API_MODULES[0]}'`);
    } else if (ts.isExportAssignment(statement)) {
      report(statement, 'a coroutine cell cannot export anything: it is not a module (drop the export)');
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      report(statement, 'a coroutine cell cannot re-export from a module: it is not a module');
    }
  }
  return errors;
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
      `Cannot find module '${moduleName}': a coroutine cell can only import from '${API_MODULES[0]}' (the cell API); other modules are not available`
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
