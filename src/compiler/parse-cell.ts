import ts from 'typescript';

/**
 * Parses a cell's TypeScript as a module, which is how it runs: a top-level `await (f)()` is an
 * await. Parsed as a script (createSourceFile's default for a file without import or export), it
 * is a call of a function named `await`, and the cell fails with "await is not defined".
 */
export function parseCell(fileName: string, source: string, setParentNodes = true): ts.SourceFile {
  return ts.createSourceFile(
    fileName,
    source,
    {
      languageVersion: ts.ScriptTarget.ESNext,
      // What compiler option moduleDetection: "force" does (the language service's setting).
      setExternalModuleIndicator: file => {
        (file as { externalModuleIndicator?: unknown }).externalModuleIndicator = true;
      }
    },
    setParentNodes,
    ts.ScriptKind.TS
  );
}
