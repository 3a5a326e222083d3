/** The line of text a running cell's live progress shows (src/plugins/live-progress.ts). */
import type { CellProgress } from '../protocol';

/** The part of JupyterLab's TranslationBundle the line needs (`__` with %1 arguments, `_n` plurals). */
export interface ProgressTranslations {
  __(msgid: string, ...args: unknown[]): string;
  _n(singular: string, plural: string, n: number, ...args: unknown[]): string;
}

/** Untranslated: substitutes %1, %2... (what nullTranslator does). */
export const NO_TRANSLATION: ProgressTranslations = {
  __: (msgid, ...args) => substitute(msgid, args),
  _n: (singular, plural, n, ...args) => substitute(n === 1 ? singular : plural, args)
};

function substitute(text: string, args: unknown[]): string {
  return text.replace(/%(\d+)/g, (whole, i: string) =>
    args[Number(i) - 1] === undefined ? whole : String(args[Number(i) - 1])
  );
}

/** "Running… virtual time 12.5 s · 340 tasks alive · 1,234,567 steps (2.10 s elapsed)". */
export function progressText(progress: CellProgress, trans: ProgressTranslations = NO_TRANSLATION): string {
  const head =
    progress.clock === 'virtual'
      ? trans.__('Running… virtual time %1', formatSeconds(progress.time))
      : trans.__('Running… %1 of real time', formatSeconds(progress.time));
  const tasks = trans._n('%1 task alive', '%1 tasks alive', progress.tasksAlive, count(progress.tasksAlive));
  const steps = trans._n('%1 step', '%1 steps', progress.steps, count(progress.steps));
  const elapsed = trans.__('%1 elapsed', formatSeconds(progress.elapsedMs / 1000));
  return `${head} · ${tasks} · ${steps} (${elapsed})`;
}

function formatSeconds(seconds: number): string {
  return `${seconds < 10 ? seconds.toFixed(2) : seconds < 1000 ? seconds.toFixed(1) : count(Math.round(seconds))} s`;
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
