/**
 * A direct `await sleep(…)` without a coroutine object. The sleep coroutine such an await makes
 * is awaited at once and then dropped: nothing else can see it, so it can never be reused or left
 * unawaited. When `sleep` is the scheduler's, the compiled code yields a marker instead and the
 * task does exactly what awaiting that coroutine does (the same depth check; one iteration for 0,
 * otherwise a timer and its future), with no coroutine made; any other `sleep` (the user's own)
 * is called as written:
 *
 *     await sleep(0)   →   await (sleep === __cc_sleep ? __cc_sleep0 : sleep(0))
 *     await sleep(d)   →   await (sleep === __cc_sleep ? __cc_sleepFor(d) : sleep(d))
 *
 * `__cc_sleepFor` checks the delay exactly as sleep() does. `sleep` is read twice when it is not
 * the scheduler's (a plain lookup, no side effect); `d` is written twice but evaluated once (one
 * branch runs). An argument that contains a function or a class is left alone, so that nothing
 * declared in it is emitted twice.
 */
import ts from 'typescript';
import { SLEEP_FOR_MARKER, SLEEP_FUNCTION, SLEEP_ZERO_MARKER } from './cell-abi';

/** True when `node` declares a function or a class somewhere inside. */
function declaresCode(node: ts.Node): boolean {
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return true;
  return ts.forEachChild(node, declaresCode) === true;
}

/** True for `sleep(x)`: a call of the plain name `sleep` with one plain argument (see above). */
export function isDirectSleepCall(node: ts.Expression): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || node.questionDotToken !== undefined) return false;
  if (!ts.isIdentifier(node.expression) || node.expression.text !== 'sleep') return false;
  if (node.arguments.length !== 1) return false;
  const argument = node.arguments[0];
  return !ts.isSpreadElement(argument) && !declaresCode(argument);
}

/** True for the literal `0`. */
function isLiteralZero(node: ts.Expression): boolean {
  return ts.isNumericLiteral(node) && Number(node.text) === 0;
}

/**
 * The expression that replaces a direct `sleep(x)` under `await`; `callee` is the visited name
 * (`__cc_scope.sleep` or a local `sleep`), `call` the visited call (kept for a `sleep` that is not
 * the scheduler's; its argument is the marker call's too).
 */
export function directSleepExpression(
  f: ts.NodeFactory,
  callee: ts.Expression,
  call: ts.CallExpression
): ts.Expression {
  const argument = call.arguments[0];
  const marker = isLiteralZero(argument)
    ? f.createIdentifier(SLEEP_ZERO_MARKER)
    : f.createCallExpression(f.createIdentifier(SLEEP_FOR_MARKER), undefined, [argument]);
  return f.createParenthesizedExpression(
    f.createConditionalExpression(
      f.createStrictEquality(callee, f.createIdentifier(SLEEP_FUNCTION)),
      f.createToken(ts.SyntaxKind.QuestionToken),
      marker,
      f.createToken(ts.SyntaxKind.ColonToken),
      call
    )
  );
}
