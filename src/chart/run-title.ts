/** The chart title and subtitle lines that sum up a run (shared by the spec and the text). */
import type { ChartModel } from './chart-model';
import { formatCount, formatTime } from './format';

const REASON_WORDS: Record<string, string> = {
  completed: 'Completed',
  failed: 'Failed',
  deadlock: 'Deadlock',
  'step-budget': 'Stopped by the step budget',
  'time-budget': 'Stopped by the time budget',
  interrupted: 'Interrupted',
  running: 'Running'
};

/** "Completed: 3 tasks, 3 s of virtual time, 12 steps". */
export function runTitle(model: ChartModel): string {
  const run = model.run;
  const word = run.reason === null ? 'Run (no end recorded)' : (REASON_WORDS[run.reason] ?? run.reason);
  // A cut trace only knows the tasks created before the cap.
  const atLeast = run.truncated ? 'at least ' : '';
  const tasks = `${atLeast}${formatCount(run.taskCount)} ${run.taskCount === 1 ? 'task' : 'tasks'}`;
  const time = `${formatTime(run.endTime, run.clock)} of ${run.clock} time`;
  const steps = run.steps === null ? '' : `, ${formatCount(run.steps)} ${run.steps === 1 ? 'step' : 'steps'}`;
  return `${word}: ${tasks}, ${time}${steps}`;
}

/** Extra lines: why the run ended badly, truncation, aggregation, dropped prints. */
export function runNotes(model: ChartModel): string[] {
  const run = model.run;
  const notes: string[] = [];
  if (run.message && run.reason !== 'completed') notes.push(...run.message);
  if (run.truncated) {
    const where = run.truncatedAt === undefined ? '' : ` at ${formatTime(run.truncatedAt, run.clock)}`;
    const cap = run.cap === undefined ? '' : ` (${formatCount(run.cap)} events)`;
    notes.push(`Trace truncated${where}: the trace cap${cap} was reached, later events are not shown.`);
  }
  if (model.summary) {
    const shown = model.rows.length;
    notes.push(
      `${formatCount(shown)} of ${formatCount(run.taskCount)} tasks have their own row; ` +
        `the last row sums up the other ${formatCount(model.summary.count)}.`
    );
  }
  if (run.droppedPrints > 0) notes.push(`${formatCount(run.droppedPrints)} more prints are not drawn.`);
  return notes;
}
