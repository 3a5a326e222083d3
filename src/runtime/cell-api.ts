/**
 * The names a cell sees predefined (and can import from 'coroutine-cells'): the scheduler's
 * public API (docs/architecture.md), plus print, display and console, which write the cell's outputs.
 */
import * as scheduler from '../scheduler';
import { displayBundle, formatConsoleArgs, formatPrintArgs, type StackView } from './format-output';
import type { MimeBundle } from '../protocol';

/** The scheduler names cells get, when the scheduler exports them (asyncio's API in camelCase). */
export const SCHEDULER_API_NAMES = [
  'run',
  'sleep',
  'createTask',
  'gather',
  'TaskGroup',
  'timeout',
  'timeoutAt',
  'waitFor',
  'shield',
  'wait',
  'asCompleted',
  'Event',
  'Lock',
  'Semaphore',
  'BoundedSemaphore',
  'Condition',
  'Barrier',
  'Queue',
  'PriorityQueue',
  'LifoQueue',
  'QueueEmpty',
  'QueueFull',
  'Future',
  'Task',
  'currentTask',
  'allTasks',
  'now',
  'blockingSleep',
  'CancelledError',
  'TimeoutError',
  'InvalidStateError',
  'ValueError',
  'ExceptionGroup',
  'BrokenBarrierError',
  'RuntimeError',
  'DeadlockError',
  'BudgetExceededError',
  'KeyboardInterrupt',
  'FIRST_COMPLETED',
  'FIRST_EXCEPTION',
  'ALL_COMPLETED',
  'setTaskFactory',
  'getTaskFactory',
  'eagerTaskFactory',
  'QueueShutDown',
  'captureCallGraph',
  'printCallGraph',
  'formatCallGraph'
] as const;

/** Where display() sends its MIME bundles (the session's output list). */
export type DisplaySink = (bundle: MimeBundle) => void;

/**
 * Where printed text goes when no loop is running, e.g. from a setTimeout callback while the
 * cell waits for that outside Promise; returns false when no cell runs (then the host gets it).
 */
export type OutsideWrite = (stream: 'stdout' | 'stderr', text: string) => boolean;

/** The symbol util.inspect (Node's and node-inspect-extracted's) calls for a custom text. */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * print(task) should read like Python's repr (<Task pending name='main' ...>), not dump the
 * object's internals: give the scheduler's classes an inspect hook that uses their toString,
 * unless they define one themselves.
 */
function usePythonRepr(): void {
  for (const cls of [scheduler.Coroutine, scheduler.Future] as Array<{ prototype: object }>) {
    if (!(INSPECT in cls.prototype)) {
      Object.defineProperty(cls.prototype, INSPECT, {
        configurable: true,
        value(this: object) {
          return String(this);
        }
      });
    }
  }
}

/**
 * Builds the API map of one session; `display` goes to `sink`; `view` shows error stacks;
 * `outside` takes prints made while no loop runs.
 */
export function createCellApi(sink: DisplaySink, view?: StackView, outside?: OutsideWrite): Map<string, unknown> {
  usePythonRepr();
  const api = new Map<string, unknown>();
  const exported = scheduler as unknown as Record<string, unknown>;
  for (const name of SCHEDULER_API_NAMES) {
    if (exported[name] !== undefined) api.set(name, exported[name]);
  }
  const write = (stream: 'stdout' | 'stderr', text: string): void => {
    if (!scheduler.isLoopRunning() && outside?.(stream, text + '\n')) return;
    scheduler.emitOutput(stream, text + '\n');
  };
  api.set('print', function print(...args: unknown[]): void {
    write('stdout', formatPrintArgs(args, view));
  });
  api.set('display', function display(...values: unknown[]): void {
    for (const value of values) sink(displayBundle(value));
  });
  const out = (...args: unknown[]): void => write('stdout', formatConsoleArgs(args, view));
  const err = (...args: unknown[]): void => write('stderr', formatConsoleArgs(args, view));
  api.set('console', Object.freeze({ ...console, log: out, info: out, debug: out, warn: err, error: err, trace: err }));
  return api;
}
