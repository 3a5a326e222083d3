/**
 * The students' copy of a lesson, as nbgrader's generate_assignment makes it: each region between
 * `// BEGIN SOLUTION` and `// END SOLUTION` becomes the TypeScript stub (same indentation), each
 * `// BEGIN HIDDEN TESTS` ... `// END HIDDEN TESTS` region is removed, and the exercise and check
 * cells lose their outputs (the stored ones come from the solution).
 */

/** The stub that replaces a solution (the same as ClearSolutions.code_stub in nbgrader_config.py). */
export const CODE_STUB = ['// YOUR CODE HERE', 'throw new Error("not implemented");'];

const text = source => (Array.isArray(source) ? source.join('') : source);

/** Replaces solution regions with the stub and drops hidden-test regions, line by line. */
export function clearSolutions(source) {
  const out = [];
  let skipping = null;
  for (const line of text(source).split('\n')) {
    if (skipping === null && line.includes('BEGIN SOLUTION')) {
      const indent = line.slice(0, line.length - line.trimStart().length);
      out.push(...CODE_STUB.map(stub => indent + stub));
      skipping = 'END SOLUTION';
    } else if (skipping === null && line.includes('BEGIN HIDDEN TESTS')) {
      skipping = 'END HIDDEN TESTS';
    } else if (skipping !== null) {
      if (line.includes(skipping)) skipping = null;
    } else {
      out.push(line);
    }
  }
  if (skipping !== null) throw new Error(`a '${skipping.replace('END', 'BEGIN')}' region has no '${skipping}' line`);
  return out.join('\n');
}

/** The students' copy of a notebook (a new object; the lesson is not changed). */
export function studentCopy(notebook) {
  const copy = structuredClone(notebook);
  for (const cell of copy.cells) {
    const grading = cell.metadata?.nbgrader;
    if (!grading || cell.cell_type !== 'code') continue;
    cell.source = clearSolutions(cell.source);
    if (grading.solution || grading.grade) {
      cell.outputs = [];
      cell.execution_count = null;
    }
  }
  return copy;
}
