/**
 * End-of-run reports, summarised: a cell that leaves 300,000 coroutines never awaited or a million
 * tasks pending would otherwise print one line each (tens of megabytes). Warnings that differ only
 * in the quoted name ("coroutine 'w' was never awaited") are grouped; a group larger than
 * SUMMARY_THRESHOLD becomes its first report with a count and the first and last names.
 */

/** Groups up to this size are reported line by line, as CPython does. */
export const SUMMARY_THRESHOLD = 5;

/** One group of warnings that differ only in their quoted name. */
interface WarningGroup {
  /** Index of the group's first warning (its full text, with any traceback, is shown). */
  first: number;
  count: number;
  firstName: string | null;
  lastName: string | null;
  sameName: boolean;
}

const QUOTED_NAME = /'([^'\n]*)'/;

/**
 * The report text for `warnings` (in order of first occurrence); `render(i)` is the full text of
 * warning i (a line, or a line and a traceback), called only for the warnings shown.
 */
export function summariseWarnings(warnings: readonly string[], render: (index: number) => string): string {
  const groups = new Map<string, WarningGroup>();
  const groupOf: WarningGroup[] = [];
  for (let i = 0; i < warnings.length; i++) {
    const text = warnings[i];
    const match = QUOTED_NAME.exec(text);
    const name = match ? match[1] : null;
    const key = match ? text.replace(QUOTED_NAME, "'\u0000'") : text;
    let group = groups.get(key);
    if (group === undefined) {
      group = { first: i, count: 1, firstName: name, lastName: name, sameName: true };
      groups.set(key, group);
    } else {
      group.count++;
      if (name !== group.lastName) group.sameName = false;
      group.lastName = name;
    }
    groupOf.push(group);
  }
  // In order; a large group is reported once, where it first occurred.
  const parts: string[] = [];
  for (let i = 0; i < warnings.length; i++) {
    const group = groupOf[i];
    if (group.count <= SUMMARY_THRESHOLD) parts.push(render(i));
    else if (group.first === i) parts.push(summaryText(group, render(i)));
  }
  return parts.join('');
}

/** The first warning's text with the count (and the first and last names) after its first line. */
function summaryText(group: WarningGroup, text: string): string {
  const count = group.count.toLocaleString('en-US');
  const suffix =
    group.sameName || group.firstName === null
      ? ` (${count}×)`
      : ` (${count}×, first '${group.firstName}', last '${group.lastName}')`;
  const newline = text.indexOf('\n');
  return newline < 0 || newline === text.length - 1
    ? text.replace(/\n?$/, suffix + '\n')
    : text.slice(0, newline) + suffix + text.slice(newline);
}
