/**
 * An "after" transformer for `await using`: TypeScript disposes the resources at the end of the
 * block with `const result_1 = __disposeResources(env_1); if (result_1) yield result_1;`. The
 * exception a resource raises there (a TaskGroup's ExceptionGroup, a timeout's TimeoutError)
 * belongs to the `await using` line, as Python's traceback shows the `async with` line, so the
 * call is marked like an await: `__cc_at(i, __disposeResources(env_1))`.
 */
import ts from 'typescript';
import { AWAIT_MARK } from './cell-abi';

/** Makes the transformer; appends the offsets of the marked declarations to `awaits`. */
export function disposalMarksTransformer(
  sourceFile: ts.SourceFile,
  awaits: number[]
): ts.TransformerFactory<ts.SourceFile> {
  return context => {
    const f = context.factory;
    return file => {
      // env_N → where its first `await using` declaration starts in the cell's source.
      const declared = new Map<string, number>();
      const collect = (node: ts.Node): void => {
        if (isHelperCall(node, '__addDisposableResource') && node.arguments.length === 3) {
          const [env, value, isAsync] = node.arguments;
          const original = ts.getOriginalNode(value);
          if (
            ts.isIdentifier(env) &&
            isAsync.kind === ts.SyntaxKind.TrueKeyword &&
            original.pos >= 0 &&
            !declared.has(ts.idText(env))
          ) {
            declared.set(ts.idText(env), statementStart(original));
          }
        }
        ts.forEachChild(node, collect);
      };
      collect(file);
      if (declared.size === 0) return file;
      const index = new Map<string, number>();
      const visit = (node: ts.Node): ts.Node => {
        if (
          isHelperCall(node, '__disposeResources') &&
          node.arguments.length === 1 &&
          ts.isIdentifier(node.arguments[0])
        ) {
          const env = ts.idText(node.arguments[0]);
          const offset = declared.get(env);
          if (offset !== undefined) {
            if (!index.has(env)) index.set(env, awaits.push(offset) - 1);
            return f.createCallExpression(f.createIdentifier(AWAIT_MARK), undefined, [
              f.createNumericLiteral(index.get(env)!),
              node as ts.Expression
            ]);
          }
        }
        return ts.visitEachChild(node, visit, context);
      };
      return visit(file) as ts.SourceFile;
    };
  };

  /** The start of the statement that declares `node` (the `await using` line). */
  function statementStart(node: ts.Node): number {
    let current: ts.Node = node;
    while (current.parent && !ts.isVariableStatement(current) && !ts.isSourceFile(current.parent))
      current = current.parent;
    return current.getStart(sourceFile);
  }
}

function isHelperCall(node: ts.Node, name: string): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ts.idText(node.expression) === name;
}
