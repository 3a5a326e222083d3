/**
 * The "before" transformer that turns a cell into one async function over the notebook scope:
 * - references to top-level and free names become `__cc_scope.name` (see scope-analysis);
 * - each top-level declaration also stores its value in the scope (`__cc_declare`), so later
 *   cells see it and re-running `const x = ...` just replaces it; function declarations and
 *   imports are hoisted, as JavaScript hoists them;
 * - the statements become the body of `return async () => { ... }`, so top-level `await` works
 *   and calling the arrow creates the cell's coroutine; a last expression statement is returned
 *   (the cell's execute_result).
 */
import ts from 'typescript';
import { AWAIT_MARK, DECLARE, IMPORT, SCOPE, SOFT_SCOPE } from './cell-abi';
import { topLevelNames, type ScopeAnalysis } from './scope-analysis';
import { directSleepExpression, isDirectSleepCall } from './direct-sleep';

/** Makes the transformer for one cell; `wrapper` receives the synthetic async arrow. */
export function cellTransformer(
  analysis: ScopeAnalysis,
  onWrapper: (arrow: ts.ArrowFunction) => void,
  awaits: number[] = []
): ts.TransformerFactory<ts.SourceFile> {
  return context => {
    const f = context.factory;

    const scopeAccess = (id: ts.Identifier, scope: string): ts.Expression => {
      const access = f.createPropertyAccessExpression(f.createIdentifier(scope), f.createIdentifier(id.text));
      ts.setTextRange(access, id);
      ts.setOriginalNode(access, id);
      return access;
    };
    // `f()` on a scope name must not pass the scope as `this`: emit `(0, __cc_scope.f)()`.
    const callee = (expression: ts.Expression): ts.Expression => {
      if (ts.isIdentifier(expression) && analysis.rewrite.has(expression)) {
        return f.createParenthesizedExpression(
          f.createCommaListExpression([f.createNumericLiteral(0), scopeAccess(expression, SCOPE)])
        );
      }
      return visit(expression) as ts.Expression;
    };

    const visit = (node: ts.Node): ts.Node => {
      if (ts.isIdentifier(node)) {
        if (analysis.rewrite.has(node)) return scopeAccess(node, SCOPE);
        if (analysis.soft.has(node)) return scopeAccess(node, SOFT_SCOPE);
        return node;
      }
      if (ts.isShorthandPropertyAssignment(node) && analysis.shorthand.has(node)) {
        let value = scopeAccess(node.name, SCOPE);
        if (node.objectAssignmentInitializer) {
          value = f.createAssignment(value, visit(node.objectAssignmentInitializer) as ts.Expression);
        }
        return ts.setTextRange(f.createPropertyAssignment(node.name.text, value), node);
      }
      if (ts.isCallExpression(node)) {
        return f.updateCallExpression(
          node,
          callee(node.expression),
          node.typeArguments,
          ts.visitNodes(node.arguments, visit, ts.isExpression)
        );
      }
      if (ts.isTaggedTemplateExpression(node)) {
        return f.updateTaggedTemplateExpression(
          node,
          callee(node.tag),
          node.typeArguments,
          visit(node.template) as ts.TemplateLiteral
        );
      }
      if (ts.isAwaitExpression(node) && !inAsyncGenerator(node)) {
        // `await x` → `await __cc_at(i, x)`: the runtime learns where the coroutine suspends.
        awaits.push(node.getStart());
        const operand = node.expression;
        const awaited = isDirectSleepCall(operand)
          ? directSleepExpression(f, visit(operand.expression) as ts.Expression, visit(operand) as ts.CallExpression)
          : (visit(operand) as ts.Expression);
        const marked = f.createCallExpression(f.createIdentifier(AWAIT_MARK), undefined, [
          f.createNumericLiteral(awaits.length - 1),
          awaited
        ]);
        return f.updateAwaitExpression(node, marked);
      }
      if (ts.isExpressionWithTypeArguments(node) && ts.isHeritageClause(node.parent)) {
        return f.updateExpressionWithTypeArguments(node, visit(node.expression) as ts.Expression, node.typeArguments);
      }
      if (ts.isTypeNode(node)) return node;
      return ts.visitEachChild(node, visit, context);
    };

    const declare = (name: string, value: ts.Expression, kind: string): ts.Statement =>
      f.createExpressionStatement(
        f.createCallExpression(f.createIdentifier(DECLARE), undefined, [
          f.createStringLiteral(name),
          value,
          f.createStringLiteral(kind)
        ])
      );

    /** `const x = 1` → `{ const x = 1; __cc_declare("x", x, "const"); }` (same for classes...). */
    const declareInBlock = (statement: ts.Statement): ts.Statement => {
      const stored = topLevelNames(statement).map(([name, kind]) =>
        declare(name.text, f.createIdentifier(name.text), kind)
      );
      const visited = visit(withoutExport(statement)) as ts.Statement;
      return f.createBlock([visited, ...stored], true);
    };

    const withoutExport = (statement: ts.Statement): ts.Statement => {
      if (!ts.canHaveModifiers(statement)) return statement;
      const modifiers = ts.getModifiers(statement);
      if (!modifiers?.some(m => m.kind === ts.SyntaxKind.ExportKeyword)) return statement;
      const kept = modifiers.filter(
        m => m.kind !== ts.SyntaxKind.ExportKeyword && m.kind !== ts.SyntaxKind.DefaultKeyword
      );
      return f.replaceModifiers(statement, kept) as ts.Statement;
    };

    const imports = (statement: ts.ImportDeclaration): ts.Statement[] =>
      topLevelNames(statement).map(([name]) => {
        const parent = name.parent;
        const exported = ts.isNamespaceImport(parent)
          ? '*'
          : ts.isImportSpecifier(parent)
            ? (parent.propertyName ?? parent.name).text
            : 'default';
        return f.createExpressionStatement(
          f.createCallExpression(f.createIdentifier(IMPORT), undefined, [
            f.createStringLiteral(name.text),
            f.createStringLiteral(exported)
          ])
        );
      });

    const hoistedFunction = (statement: ts.FunctionDeclaration): ts.Statement => {
      const visited = visit(statement) as ts.FunctionDeclaration;
      const modifiers = ts.getModifiers(visited)?.filter(m => m.kind === ts.SyntaxKind.AsyncKeyword);
      const expression = f.createFunctionExpression(
        modifiers,
        visited.asteriskToken,
        statement.name!.text,
        visited.typeParameters,
        visited.parameters,
        visited.type,
        visited.body!
      );
      ts.setOriginalNode(expression, statement);
      ts.setTextRange(expression, statement);
      return ts.setTextRange(declare(statement.name!.text, expression, 'function'), statement);
    };

    return sourceFile => {
      const hoisted: ts.Statement[] = [];
      const body: ts.Statement[] = [];
      const statements = sourceFile.statements;
      statements.forEach((statement, index) => {
        if (ts.isImportDeclaration(statement)) hoisted.push(...imports(statement));
        else if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) return;
        else if (ts.isFunctionDeclaration(statement) && statement.body && statement.name) {
          hoisted.push(hoistedFunction(statement));
        } else if (topLevelNames(statement).length > 0) body.push(declareInBlock(statement));
        else if (ts.isExpressionStatement(statement) && index === statements.length - 1) {
          const value = visit(statement.expression) as ts.Expression;
          body.push(ts.setTextRange(f.createReturnStatement(value), statement));
        } else body.push(visit(statement) as ts.Statement);
      });
      const arrow = f.createArrowFunction(
        [f.createModifier(ts.SyntaxKind.AsyncKeyword)],
        undefined,
        [],
        undefined,
        f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
        f.createBlock([...hoisted, ...body], true)
      );
      onWrapper(arrow);
      return f.updateSourceFile(sourceFile, [f.createReturnStatement(arrow)]);
    };
  };
}

/**
 * Awaits in async generators are not marked: their bodies run inside the step of whichever
 * coroutine pulls from them, so a mark would land on that coroutine.
 */
function inAsyncGenerator(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isFunctionLike(parent)) {
      return 'asteriskToken' in parent && parent.asteriskToken !== undefined;
    }
  }
  return false;
}
