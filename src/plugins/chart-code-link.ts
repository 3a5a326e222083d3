/**
 * Reads which cell line a chart mark points at. The chart's tooltip text of a wait, a print or a
 * raise ends with "— at In[3], line 4"; Vega-Lite copies the tooltip fields into each mark's
 * accessible description (its `aria-label`), so the DOM of a drawn chart carries it. Pure.
 */

/** A cell line: the cell's label ("In[3]") and a 1-based line. */
export interface CodeLink {
  cell: string;
  line: number;
}

const LINK = /\u2014 at (\S+?), line (\d+)/g;

/** The last "— at In[3], line 4" in `text`, or null. */
export function parseCodeLink(text: string | null | undefined): CodeLink | null {
  if (!text) return null;
  let found: CodeLink | null = null;
  for (const match of text.matchAll(LINK)) found = { cell: match[1], line: Number(match[2]) };
  return found;
}

/** The execution count in a cell label "In[3]" (the label JupyterLab's runs give), or null. */
export function executionCountOf(cellLabel: string): number | null {
  const match = /^In\[(\d+)\]$/.exec(cellLabel);
  return match ? Number(match[1]) : null;
}
