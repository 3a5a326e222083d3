/**
 * `coroutine-cells run` runs a file as one cell, where a name declared twice at the top level
 * would silently keep the last one. A script exported from a notebook (`jupyter nbconvert --to
 * script`) repeats every function a lesson redefines, so `run` reports such duplicates instead.
 */
import ts from 'typescript';
import { parseCell } from '../compiler/parse-cell';

/** One name declared more than once at the top level, with the 1-based lines of its declarations. */
export interface DuplicateDeclaration {
  name: string;
  lines: number[];
}

/** The top-level names `source` declares more than once (overload signatures do not count). */
export function findDuplicateDeclarations(source: string, fileName = 'cell.ts'): DuplicateDeclaration[] {
  const file = parseCell(fileName, source);
  const seen = new Map<string, number[]>();
  const add = (name: ts.Node | undefined): void => {
    if (!name) return;
    for (const identifier of boundNames(name)) {
      const line = file.getLineAndCharacterOfPosition(identifier.getStart(file)).line + 1;
      seen.set(identifier.text, [...(seen.get(identifier.text) ?? []), line]);
    }
  };
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement)) {
      if (statement.body) add(statement.name);
    } else if (ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      add(statement.name);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) add(declaration.name);
    }
  }
  return [...seen].filter(([, lines]) => lines.length > 1).map(([name, lines]) => ({ name, lines }));
}

/** The identifiers a declaration name binds (destructuring patterns included). */
function boundNames(name: ts.Node): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
    return name.elements.flatMap(element => (ts.isBindingElement(element) ? boundNames(element.name) : []));
  }
  return [];
}

/** The message `run` prints for duplicates (one line per name). */
export function duplicatesMessage(file: string, duplicates: DuplicateDeclaration[]): string {
  const lines = duplicates.map(d => `  ${d.name}: declared on lines ${d.lines.join(', ')}`);
  return (
    `coroutine-cells: ${file} declares ${duplicates.length === 1 ? 'a name' : 'names'} more than once at the top level; ` +
    'run treats the file as one cell, where only the last declaration would count:\n' +
    `${lines.join('\n')}\n` +
    'Rename or remove the earlier declarations (a script exported from a notebook repeats every redefined function), ' +
    'or run the notebook itself: coroutine-cells execute NOTEBOOK.ipynb\n'
  );
}
