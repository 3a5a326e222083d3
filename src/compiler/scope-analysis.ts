/**
 * Finds which identifiers of a cell refer to the notebook's cross-cell scope.
 *
 * Top-level declarations of a cell live in the session's scope object, not in JavaScript
 * variables, so every reference to them, and every free name (declared by an earlier or later
 * cell, or an API name), is rewritten into a property access on that scope object. Names are
 * resolved with TypeScript's binder and checker (a one-file program without lib files), so a
 * local variable that shadows a top-level name is left alone.
 */
import ts from 'typescript';

/** How a top-level name was declared (const is read-only in the scope). */
export type DeclarationKind = 'const' | 'let' | 'var' | 'function' | 'class' | 'enum' | 'namespace' | 'import';

/** The result of the analysis, keyed by the original nodes. */
export interface ScopeAnalysis {
  /** References to rewrite into a strict scope lookup (ReferenceError when missing). */
  readonly rewrite: Set<ts.Identifier>;
  /** `typeof name` operands on free names: a soft lookup that gives undefined when missing. */
  readonly soft: Set<ts.Identifier>;
  /** `{ name }` shorthands whose value is a scope name. */
  readonly shorthand: Set<ts.ShorthandPropertyAssignment>;
  /** The top-level names this cell declares, in source order, with their kind. */
  readonly declared: Map<string, DeclarationKind>;
}

/**
 * Analyses `sourceFile`. `keepFree(name)` says whether a free name stays a plain JavaScript
 * global (e.g. `Math`), for speed; every other free name goes through the scope.
 */
export function analyseScope(
  sourceFile: ts.SourceFile,
  checker: ts.TypeChecker,
  keepFree: (name: string) => boolean
): ScopeAnalysis {
  const declared = new Map<string, DeclarationKind>();
  const topSymbols = new Set<ts.Symbol>();
  const addName = (name: ts.Identifier, kind: DeclarationKind): void => {
    declared.set(name.text, kind);
    const symbol = checker.getSymbolAtLocation(name);
    if (symbol) topSymbols.add(symbol);
  };
  for (const statement of sourceFile.statements) {
    for (const [name, kind] of topLevelNames(statement)) addName(name, kind);
  }

  const rewrite = new Set<ts.Identifier>();
  const soft = new Set<ts.Identifier>();
  const shorthand = new Set<ts.ShorthandPropertyAssignment>();
  // Inside a class body its own name is the class's inner binding (JavaScript semantics): it
  // must work while the class is being defined (static blocks), before it reaches the scope.
  const innerBindings = new Set<ts.Symbol>();
  const isScopeSymbol = (symbol: ts.Symbol | undefined, name: string): boolean =>
    symbol === undefined ? !keepFree(name) : topSymbols.has(symbol) && !innerBindings.has(symbol);

  const visit = (node: ts.Node): void => {
    if (isTypeOnly(node)) return;
    if (ts.isClassLike(node) && node.name) {
      const symbol = checker.getSymbolAtLocation(node.name);
      if (symbol && !innerBindings.has(symbol)) {
        innerBindings.add(symbol);
        ts.forEachChild(node, visit);
        innerBindings.delete(symbol);
        return;
      }
    }
    if (ts.isShorthandPropertyAssignment(node)) {
      const symbol = checker.getShorthandAssignmentValueSymbol(node);
      if (isScopeSymbol(symbol, node.name.text)) shorthand.add(node);
      if (node.objectAssignmentInitializer) visit(node.objectAssignmentInitializer);
      return;
    }
    if (ts.isIdentifier(node)) {
      if (isReference(node)) {
        const symbol = checker.getSymbolAtLocation(node);
        if (isScopeSymbol(symbol, node.text)) {
          const isTypeof = ts.isTypeOfExpression(node.parent) && symbol === undefined;
          (isTypeof ? soft : rewrite).add(node);
        }
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { rewrite, soft, shorthand, declared };
}

/** The names a top-level statement declares into the notebook scope. */
export function topLevelNames(statement: ts.Statement): Array<[ts.Identifier, DeclarationKind]> {
  if (isAmbient(statement)) return [];
  if (ts.isVariableStatement(statement)) {
    const flags = statement.declarationList.flags;
    // `using` / `await using` resources belong to the cell's body: they are disposed when it
    // ends (a top-level TaskGroup waits for its tasks there), so they stay cell-local.
    if (flags & ts.NodeFlags.Using) return [];
    const kind: DeclarationKind = flags & ts.NodeFlags.Const ? 'const' : flags & ts.NodeFlags.Let ? 'let' : 'var';
    const out: Array<[ts.Identifier, DeclarationKind]> = [];
    for (const declaration of statement.declarationList.declarations) {
      for (const name of bindingNames(declaration.name)) out.push([name, kind]);
    }
    return out;
  }
  if (ts.isFunctionDeclaration(statement) && statement.name && statement.body) return [[statement.name, 'function']];
  if (ts.isClassDeclaration(statement) && statement.name) return [[statement.name, 'class']];
  if (ts.isEnumDeclaration(statement)) return [[statement.name, 'enum']];
  if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name) && isInstantiated(statement)) {
    return [[statement.name, 'namespace']];
  }
  if (ts.isImportDeclaration(statement) && statement.importClause && !statement.importClause.isTypeOnly) {
    const clause = statement.importClause;
    const out: Array<[ts.Identifier, DeclarationKind]> = [];
    if (clause.name) out.push([clause.name, 'import']);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) out.push([bindings.name, 'import']);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) if (!element.isTypeOnly) out.push([element.name, 'import']);
    }
    return out;
  }
  return [];
}

/** Whether a namespace has a runtime value (TypeScript erases one that holds only types). */
function isInstantiated(declaration: ts.ModuleDeclaration): boolean {
  const body = declaration.body;
  if (body === undefined) return false;
  if (ts.isModuleDeclaration(body)) return isInstantiated(body);
  if (!ts.isModuleBlock(body)) return false;
  return body.statements.some(statement => {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || isAmbient(statement))
      return false;
    if (ts.isModuleDeclaration(statement)) return isInstantiated(statement);
    if (ts.isEnumDeclaration(statement)) return !(ts.getCombinedModifierFlags(statement) & ts.ModifierFlags.Const);
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) return false;
    return true;
  });
}

/** Every identifier bound by a binding name (destructuring included). */
export function bindingNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  const out: ts.Identifier[] = [];
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) out.push(...bindingNames(element.name));
  }
  return out;
}

/** `declare ...` statements emit nothing. */
export function isAmbient(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some(m => m.kind === ts.SyntaxKind.DeclareKeyword);
}

/** Parts of the tree that are erased (types, interfaces, `implements`). */
export function isTypeOnly(node: ts.Node): boolean {
  if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return true;
  if (ts.isHeritageClause(node)) return node.token === ts.SyntaxKind.ImplementsKeyword;
  if (ts.isExpressionWithTypeArguments(node)) return !ts.isHeritageClause(node.parent);
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return true;
  if (isAmbient(node)) return true;
  return ts.isTypeNode(node);
}

/** Whether an identifier is a reference to a variable (not a property name, label, ...). */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node) ||
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent) ||
    ts.isMetaProperty(parent) ||
    (ts.isBindingElement(parent) && parent.propertyName === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node)
  ) {
    return false;
  }
  // Declaration names (variables, parameters, members, ...) are bindings, not references;
  // top-level ones are rewritten by the cell transformer itself.
  if ((parent as { name?: ts.Node }).name === node) return false;
  return true;
}
