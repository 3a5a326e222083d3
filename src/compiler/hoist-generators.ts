/**
 * An "after" transformer: one generator function per async function, not one per call.
 *
 * TypeScript's async lowering emits `function f(a) { return __awaiter(this, void 0, "f",
 * function* () { ...a... }); }`: every call creates a new generator closure, which V8 gives its
 * own prototype and maps (slow to create, megamorphic to resume, heavy to keep). This transformer
 * moves the generator next to the async function, as a generator declaration in the same
 * statement list, made once each time the async function itself is made:
 *
 *     function* __cc_gen1(a) { ...a... }
 *     function f(a) { return __awaiter(this, [a], "f", __cc_gen1); }
 *
 * Semantics are unchanged: `__awaiter` still returns a lazy coroutine that applies the generator
 * to `this` and the arguments on its first step; the generator sees the same scope (it is
 * declared in the statement list where the async function is made, and only there: anything
 * between them that opens a scope, such as a loop head, another function or a catch clause,
 * leaves the generator where it is); a parameter is only read by the generator (the async
 * function's body is nothing but the `return __awaiter(...)`), so passing its value is the same
 * as closing over it. Cases that need more (a named function expression that refers to itself,
 * `super`, `arguments`, `new.target`, a method referring to its class by name) are left as
 * TypeScript emits them, and so is an async function called where it is made
 * (`(async () => {...})()`), which gains nothing. Coroutine names are the compiler's (an anonymous one stays "coroutine"),
 * and traceback names come from the source ranges, so nothing visible changes.
 */
import ts from 'typescript';

/** Prefix of the hoisted generators' names (the `__cc_` names are the compiler's own). */
export const HOISTED_GENERATOR_PREFIX = '__cc_gen';

/** What an async function lowered by TypeScript consists of. */
interface Lowered {
  call: ts.CallExpression;
  generator: ts.FunctionExpression;
}

/** Makes the transformer. */
export function hoistGeneratorsTransformer(): ts.TransformerFactory<ts.SourceFile> {
  return context => {
    const f = context.factory;
    let counter = 0;

    /** Visits a statement list; hoisted generators go right before the statement they come from. */
    const visitStatements = (statements: readonly ts.Statement[]): ts.Statement[] => {
      const out: ts.Statement[] = [];
      for (const statement of statements) {
        const hoisted: ts.Statement[] = [];
        const visited = visit(statement, hoisted) as ts.Statement;
        out.push(...hoisted, visited);
      }
      return out;
    };

    /** `target`: where a generator made here may go, or null once a scope boundary was crossed. */
    const visit = (node: ts.Node, target: ts.Statement[] | null): ts.Node => {
      if (ts.isBlock(node)) return f.updateBlock(node, visitStatements(node.statements));
      if (ts.isCaseClause(node)) {
        return f.updateCaseClause(
          node,
          visit(node.expression, target) as ts.Expression,
          visitStatements(node.statements)
        );
      }
      if (ts.isDefaultClause(node)) return f.updateDefaultClause(node, visitStatements(node.statements));
      if (ts.isFunctionLike(node)) {
        const lowered = loweredAsync(node);
        if (lowered !== undefined) return hoist(node, lowered, target);
        return ts.visitEachChild(node, child => visit(child, null), context);
      }
      if (ts.isClassLike(node)) {
        const className = node.name ? ts.idText(node.name) : undefined;
        return ts.visitEachChild(
          node,
          child =>
            visit(child, ts.isMethodDeclaration(child) && !(className && mentions(child, className)) ? target : null),
          context
        );
      }
      if (
        ts.isCallExpression(node) &&
        isFunctionExpressionLike(ts.skipPartiallyEmittedExpressions(skipParens(node.expression)))
      ) {
        // `(async () => {...})()` is made and called once: hoisting its generator gains nothing.
        return f.updateCallExpression(
          node,
          visit(node.expression, null) as ts.Expression,
          node.typeArguments,
          ts.visitNodes(node.arguments, child => visit(child, target), ts.isExpression)
        );
      }
      if (ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node) || ts.isCatchClause(node)) {
        return ts.visitEachChild(node, child => visit(child, null), context);
      }
      return ts.visitEachChild(node, child => visit(child, target), context);
    };

    const hoist = (node: ts.SignatureDeclaration, lowered: Lowered, target: ts.Statement[] | null): ts.Node => {
      const { call, generator } = lowered;
      const body = f.updateBlock(generator.body, visitStatements(generator.body.statements));
      const generatorParams = ts.visitNodes(generator.parameters, child => visit(child, null), ts.isParameter);
      const outerParams = ts.visitNodes(node.parameters, child => visit(child, null), ts.isParameter);
      const [thisArg, args, name] = call.arguments;
      const canHoist =
        target !== null &&
        !(ts.isFunctionExpression(node) && node.name && mentions(generator, ts.idText(node.name))) &&
        !mentions(generator, 'arguments') &&
        !mentionsSpecial(generator);
      let params = generatorParams;
      let passed = args;
      if (canHoist && generatorParams.length === 0 && outerParams.length > 0) {
        // Simple parameters stay on the async function: pass their values to the generator.
        if (!isVoidZero(args) || !outerParams.every(p => ts.isIdentifier(p.name) && p.initializer === undefined)) {
          return rebuild(node, outerParams, call, generator, body, generatorParams);
        }
        params = f.createNodeArray(
          outerParams.map(p =>
            f.createParameterDeclaration(undefined, p.dotDotDotToken, ts.idText(p.name as ts.Identifier))
          )
        );
        passed = f.createArrayLiteralExpression(
          outerParams.map(p => {
            const id = f.createIdentifier(ts.idText(p.name as ts.Identifier));
            return p.dotDotDotToken ? f.createSpreadElement(id) : id;
          })
        );
      }
      if (!canHoist) return rebuild(node, outerParams, call, generator, body, generatorParams);
      const generatorName = `${HOISTED_GENERATOR_PREFIX}${++counter}`;
      const declaration = f.createFunctionDeclaration(
        undefined,
        f.createToken(ts.SyntaxKind.AsteriskToken),
        generatorName,
        undefined,
        params,
        undefined,
        body
      );
      ts.setTextRange(declaration, generator);
      ts.setOriginalNode(declaration, generator);
      (target as ts.Statement[]).push(declaration);
      // An anonymous coroutine keeps the name it had (`__awaiter` falls back to the generator's).
      const named = isVoidZero(name) ? f.createStringLiteral('coroutine') : name;
      const newCall = f.updateCallExpression(call, call.expression, call.typeArguments, [
        thisArg,
        passed,
        named,
        f.createIdentifier(generatorName)
      ]);
      return withCall(node, outerParams, newCall);
    };

    /** The async function with its generator visited in place (not hoisted). */
    const rebuild = (
      node: ts.SignatureDeclaration,
      outerParams: ts.NodeArray<ts.ParameterDeclaration>,
      call: ts.CallExpression,
      generator: ts.FunctionExpression,
      body: ts.Block,
      generatorParams: ts.NodeArray<ts.ParameterDeclaration>
    ): ts.Node => {
      const newGenerator = f.updateFunctionExpression(
        generator,
        generator.modifiers,
        generator.asteriskToken,
        generator.name,
        generator.typeParameters,
        generatorParams,
        generator.type,
        body
      );
      const args = call.arguments.slice(0, 3);
      return withCall(
        node,
        outerParams,
        f.updateCallExpression(call, call.expression, call.typeArguments, [...args, newGenerator])
      );
    };

    /** `node` whose body now returns `newCall`. */
    const withCall = (
      node: ts.SignatureDeclaration,
      params: ts.NodeArray<ts.ParameterDeclaration>,
      newCall: ts.CallExpression
    ): ts.Node => {
      if (ts.isArrowFunction(node)) {
        const body = ts.isBlock(node.body) ? f.createBlock([f.createReturnStatement(newCall)], true) : newCall;
        return f.updateArrowFunction(
          node,
          node.modifiers,
          node.typeParameters,
          params,
          node.type,
          node.equalsGreaterThanToken,
          body
        );
      }
      const block = f.updateBlock((node as ts.FunctionLikeDeclaration).body as ts.Block, [
        f.updateReturnStatement(
          ((node as ts.FunctionLikeDeclaration).body as ts.Block).statements[0] as ts.ReturnStatement,
          newCall
        )
      ]);
      if (ts.isFunctionDeclaration(node)) {
        return f.updateFunctionDeclaration(
          node,
          node.modifiers,
          node.asteriskToken,
          node.name,
          node.typeParameters,
          params,
          node.type,
          block
        );
      }
      if (ts.isFunctionExpression(node)) {
        return f.updateFunctionExpression(
          node,
          node.modifiers,
          node.asteriskToken,
          node.name,
          node.typeParameters,
          params,
          node.type,
          block
        );
      }
      const method = node as ts.MethodDeclaration;
      return f.updateMethodDeclaration(
        method,
        method.modifiers,
        method.asteriskToken,
        method.name,
        method.questionToken,
        method.typeParameters,
        params,
        method.type,
        block
      );
    };

    return sourceFile => f.updateSourceFile(sourceFile, visitStatements(sourceFile.statements));
  };
}

/** The `__awaiter` call and generator of a function TypeScript lowered from `async`, if it is one. */
function loweredAsync(node: ts.SignatureDeclaration): Lowered | undefined {
  if (!(
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node)
  )) {
    return undefined;
  }
  if (node.asteriskToken !== undefined || node.body === undefined) return undefined;
  let call: ts.Expression;
  if (ts.isBlock(node.body)) {
    // Anything besides the return (TypeScript's `_super` or `arguments_1`) stays as emitted.
    if (node.body.statements.length !== 1) return undefined;
    const statement = node.body.statements[0];
    if (!ts.isReturnStatement(statement) || statement.expression === undefined) return undefined;
    call = statement.expression;
  } else call = node.body;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || ts.idText(call.expression) !== '__awaiter')
    return undefined;
  if (call.arguments.length !== 4) return undefined;
  const generator = call.arguments[3];
  if (!ts.isFunctionExpression(generator) || generator.asteriskToken === undefined || generator.name !== undefined)
    return undefined;
  return { call, generator };
}

/** True when an identifier spelled `name` appears anywhere under `node`. */
function mentions(node: ts.Node, name: string): boolean {
  let found = false;
  const look = (child: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(child) && ts.idText(child) === name) found = true;
    else ts.forEachChild(child, look);
  };
  look(node);
  return found;
}

/** True when `new.target` or `super` appears under `node` (bound by the function around it). */
function mentionsSpecial(node: ts.Node): boolean {
  let found = false;
  const look = (child: ts.Node): void => {
    if (found) return;
    if (
      (ts.isMetaProperty(child) && child.keywordToken === ts.SyntaxKind.NewKeyword) ||
      child.kind === ts.SyntaxKind.SuperKeyword
    ) {
      found = true;
    } else ts.forEachChild(child, look);
  };
  look(node);
  return found;
}

/** `(x)` → x, any depth. */
function skipParens(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

function isFunctionExpressionLike(node: ts.Node): boolean {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** `void 0`, TypeScript's placeholder for an omitted argument. */
function isVoidZero(node: ts.Expression): boolean {
  return ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression) && node.expression.text === '0';
}
