/**
 * Names of the cell's functions, as a reader would call them: the declared name, or the name of
 * the variable, property or class member an anonymous function is assigned to. The compiler
 * passes the name of each async function to `__awaiter` so its coroutine (and task) is named
 * after it, and the traceback uses it for frames.
 */
import ts from 'typescript';

/** A function-like node of the original source with the name it is known by. */
export type FunctionNames = Map<ts.Node, string>;

/** Collects the name of every function-like node of `sourceFile` that has one. */
export function collectFunctionNames(sourceFile: ts.SourceFile): FunctionNames {
  const names: FunctionNames = new Map();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) {
      const name = nameOfFunction(node);
      if (name !== undefined) names.set(node, name);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}

/** The name a function-like node is known by, if any. */
export function nameOfFunction(node: ts.SignatureDeclaration): string | undefined {
  if (node.name !== undefined) return textOfName(node.name);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  return nameFromContext(node.parent);
}

/** The name given by where an anonymous function expression sits. */
function nameFromContext(parent: ts.Node | undefined): string | undefined {
  if (parent === undefined) return undefined;
  // `(async () => {})` : look through parentheses and type assertions
  if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) {
    return nameFromContext(parent.parent);
  }
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return textOfName(parent.name);
  }
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = parent.left;
    if (ts.isIdentifier(left)) return left.text;
    if (ts.isPropertyAccessExpression(left)) return left.name.text;
  }
  return undefined;
}

/** Text of a declaration name; computed names give their literal text or nothing. */
function textOfName(name: ts.Node): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}
