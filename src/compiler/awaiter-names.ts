/**
 * An "after" transformer: TypeScript's async lowering emits
 * `__awaiter(this, arguments, void 0, function* () { ... })` with an anonymous generator, so it
 * replaces the third argument by the async function's name (the scheduler's coroutine name).
 */
import ts from 'typescript';
import type { FunctionNames } from './function-names';

/** Makes the transformer; `names` maps original function-like nodes to their names. */
export function awaiterNamesTransformer(names: FunctionNames): ts.TransformerFactory<ts.SourceFile> {
  return context => {
    const factory = context.factory;
    const visitWithName = (node: ts.Node, name: string | undefined): ts.Node => {
      if (isAwaiterCall(node)) {
        const [thisArg, args, third, generator] = node.arguments;
        const named = name !== undefined && isVoidZero(third) ? factory.createStringLiteral(name) : third;
        // The generator belongs to the same function: keep its name for nested lookups.
        const body = ts.visitEachChild(generator, child => visitWithName(child, name), context);
        return factory.updateCallExpression(node, node.expression, node.typeArguments, [thisArg, args, named, body]);
      }
      if (ts.isFunctionLike(node)) {
        // Every function starts afresh: an anonymous arrow inside `outer` is not `outer`.
        const own = names.get(ts.getOriginalNode(node));
        return ts.visitEachChild(node, child => visitWithName(child, own), context);
      }
      return ts.visitEachChild(node, child => visitWithName(child, name), context);
    };
    return sourceFile => visitWithName(sourceFile, undefined) as ts.SourceFile;
  };
}

/** `__awaiter(a, b, c, function* () {})` as emitted by TypeScript's async lowering. */
function isAwaiterCall(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    ts.idText(node.expression) === '__awaiter' &&
    node.arguments.length === 4
  );
}

/** `void 0`, TypeScript's placeholder for the omitted promise constructor. */
function isVoidZero(node: ts.Expression): boolean {
  return ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression) && node.expression.text === '0';
}
