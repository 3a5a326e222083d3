/**
 * The names one cell declares at its top level, as the runtime's notebook scope sees them
 * (src/compiler/scope-analysis.ts: `topLevelNames`), plus the cell's interfaces and type aliases,
 * which the runtime erases but the editor's checker shares between cells as well.
 */
import ts from 'typescript';
import { topLevelNames } from '../compiler/scope-analysis';
import { parseCell } from '../compiler/parse-cell';

/** The top-level names of a cell; `exported` are those the cell itself exports (`export const x`). */
export interface CellNames {
  names: string[];
  exported: Set<string>;
  /** What closes an unterminated comment or template at the cell's end ('' when none is open). */
  closer: string;
  /** Every identifier the cell mentions (which names of later cells it may use). */
  mentioned: Set<string>;
  /** The names declared with `let` or `var`: other cells may assign them, as at run time. */
  mutable: Set<string>;
}

/** The names `source` declares at its top level, in source order, without duplicates. */
export function declaredNames(source: string): CellNames {
  const file = parseCell('cell.ts', source, false);
  const names = new Set<string>();
  const exported = new Set<string>();
  const mutable = new Set<string>();
  for (const statement of file.statements) {
    const before = names.size;
    for (const [name, kind] of topLevelNames(statement)) {
      names.add(name.text);
      if (kind === 'let' || kind === 'var') mutable.add(name.text);
      else mutable.delete(name.text);
    }
    if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name) {
      names.add(statement.name.text);
    }
    if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly) {
      const bindings = statement.importClause.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) names.add(element.name.text);
    }
    if (isExported(statement)) [...names].slice(before).forEach(name => exported.add(name));
  }
  const parseErrors = (file as unknown as { parseDiagnostics?: Array<{ code: number }> }).parseDiagnostics ?? [];
  // 1010: "'*/' expected"; 1160: "Unterminated template literal".
  const closer = parseErrors.some(d => d.code === 1010) ? '*/' : parseErrors.some(d => d.code === 1160) ? '`' : '';
  const mentioned = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) mentioned.add(node.text);
    else ts.forEachChild(node, visit);
  };
  visit(file);
  return { names: [...names], exported, closer, mentioned, mutable };
}

/** `export const x` is already exported by the cell itself (the runtime treats it as `const x`). */
function isExported(statement: ts.Statement): boolean {
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some(m => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}
