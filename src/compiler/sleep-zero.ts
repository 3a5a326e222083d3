/**
 * `await sleep(0)` without a coroutine object. The sleep coroutine such an await makes is awaited
 * at once and then dropped: nothing else can see it, so it can never be reused or left
 * unawaited. When `sleep` is the scheduler's, the compiled code yields a marker instead and the
 * task does exactly what awaiting that coroutine does (give up one iteration, same depth check),
 * with no allocation; any other `sleep` (the user's own) is called as written:
 *
 *     await sleep(0)   →   await (sleep === __cc_sleep ? __cc_sleep0 : sleep(0))
 *
 * (`sleep` is read twice when it is not the scheduler's: a plain lookup, no side effect.)
 */
import ts from 'typescript';
import { SLEEP_FUNCTION, SLEEP_ZERO_MARKER } from './cell-abi';

/** True for `sleep(0)`: a call of the plain name `sleep` with the single argument literal `0`. */
export function isSleepZeroCall(node: ts.Expression): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || node.questionDotToken !== undefined) return false;
  if (!ts.isIdentifier(node.expression) || node.expression.text !== 'sleep') return false;
  if (node.arguments.length !== 1) return false;
  const argument = node.arguments[0];
  return ts.isNumericLiteral(argument) && Number(argument.text) === 0;
}

/**
 * The expression that replaces `sleep(0)`; `callee` is the visited name (`__cc_scope.sleep` or
 * a local `sleep`), `call` the visited call (kept for a `sleep` that is not the scheduler's).
 */
export function sleepZeroExpression(f: ts.NodeFactory, callee: ts.Expression, call: ts.Expression): ts.Expression {
  return f.createParenthesizedExpression(
    f.createConditionalExpression(
      f.createStrictEquality(callee, f.createIdentifier(SLEEP_FUNCTION)),
      f.createToken(ts.SyntaxKind.QuestionToken),
      f.createIdentifier(SLEEP_ZERO_MARKER),
      f.createToken(ts.SyntaxKind.ColonToken),
      call
    )
  );
}
