/**
 * The states a task row shows, their legend names, colours and text-timeline characters.
 * Colours are Okabe-Ito (colour-blind safe) mid-tones that read on light and dark backgrounds.
 */
import type { TraceEvent, WaitKind } from '../scheduler/trace-events';

/** A drawable task state (one legend entry each). */
export type ChartState = 'running' | 'ready' | 'sleeping' | 'awaiting' | 'sync' | 'outside' | 'blocking';

/** Legend order and presentation of every state. */
export const STATE_STYLES: ReadonlyArray<{ state: ChartState; legend: string; color: string; char: string }> = [
  { state: 'running', legend: 'running', color: '#D55E00', char: '#' },
  { state: 'ready', legend: 'ready (waiting for its turn)', color: '#E69F00', char: '.' },
  { state: 'sleeping', legend: 'sleeping', color: '#56B4E9', char: 'z' },
  { state: 'awaiting', legend: 'awaiting a task / future / gather', color: '#009E73', char: 'a' },
  { state: 'sync', legend: 'awaiting a lock / event / queue / semaphore', color: '#CC79A7', char: 'l' },
  { state: 'outside', legend: 'outside wait (real promise)', color: '#999999', char: 'o' },
  { state: 'blocking', legend: 'blocking the loop', color: '#0072B2', char: 'B' }
];

/** Looks up the presentation of one state. */
export function styleOf(state: ChartState): { state: ChartState; legend: string; color: string; char: string } {
  const style = STATE_STYLES.find(s => s.state === state);
  if (!style) throw new Error(`styleOf(): unknown state ${JSON.stringify(state)}`);
  return style;
}

/** Maps what a task waits on to the state drawn while it waits. */
export function stateOfWait(kind: WaitKind): ChartState {
  switch (kind) {
    case 'sleep':
      return 'sleeping';
    case 'yield':
      // sleep(0) gives up one loop iteration: the task is ready again at once.
      return 'ready';
    case 'outside':
      return 'outside';
    case 'lock':
    case 'event':
    case 'condition':
    case 'semaphore':
    case 'barrier':
    case 'queue':
      return 'sync';
    default:
      return 'awaiting';
  }
}

/**
 * The task state machine that both the shown rows (RowTracker) and the summary row of the tasks
 * beyond the row limit (HiddenAggregate) follow. `current` is null before the task was created
 * and after it finished. Returns the state after event `e` of the task, null when the task
 * finished, or undefined when `e` leaves the state as it is.
 */
export function stateAfter(current: ChartState | null, e: TraceEvent): ChartState | null | undefined {
  switch (e.type) {
    case 'task-created':
      return current === null ? 'ready' : undefined;
    case 'task-ready':
    case 'woken':
    case 'outside-wait-end':
      return current !== 'running' && current !== 'ready' ? 'ready' : undefined;
    case 'step-start':
      return 'running';
    case 'step-end':
      // A step that neither suspended nor finished gave up its turn and is ready again.
      return current === 'running' || current === 'blocking' ? 'ready' : undefined;
    case 'suspended':
      return stateOfWait(e.on);
    case 'outside-wait-start':
      return 'outside';
    case 'blocking':
      return 'blocking';
    case 'finished':
      return null;
    default:
      return undefined;
  }
}

/** Human text for a wait, as tooltips show it: "sleep(3)", "awaiting task2", "awaiting lock Lock#1". */
export function describeWait(kind: WaitKind, label: string): string {
  switch (kind) {
    case 'sleep':
    case 'yield':
      return label || kind;
    case 'outside':
      return `outside wait: ${label}`;
    case 'task':
    case 'gather':
    case 'taskgroup':
      return `awaiting ${label}`;
    default:
      // Say the kind when the label does not already (e.g. "awaiting lock Lock#1").
      return label.toLowerCase().includes(kind) ? `awaiting ${label}` : `awaiting ${kind} ${label}`.trim();
  }
}
