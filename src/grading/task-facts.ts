/**
 * Per-task facts read from a trace: when each task was created, first ran and finished, how it
 * ended, and who asked to cancel it. Pure; the expectations are built on these.
 */
import type { Outcome, TaskId, TaskRole, Trace } from '../scheduler/trace-events';

/** A cancellation request seen in the trace. */
export interface CancelRequest {
  t: number;
  /** The task whose step made the request, or null (a timer, an interrupt). */
  by: TaskId | null;
  message?: string;
}

/** What the trace says about one task. */
export interface TaskFacts {
  id: TaskId;
  name: string;
  role: TaskRole;
  parent: TaskId | null;
  /** The TaskGroup or gather that owns it ("TaskGroup#1"), if any. */
  group?: string;
  createdAt: number;
  /** When its first step ran (null: it never ran). */
  startedAt: number | null;
  finishedAt: number | null;
  outcome: Outcome | null;
  /** The result formatted, or "Error: boom", or "CancelledError". */
  detail: string | null;
  cancelRequests: CancelRequest[];
}

/** A print seen in the trace. */
export interface PrintFact {
  t: number;
  task: TaskId | null;
  text: string;
}

/** Everything the expectations need from one trace. */
export interface RunFacts {
  tasks: TaskFacts[];
  prints: PrintFact[];
  /** The time of run-end (or of the last event when the trace has none). */
  endTime: number;
  endReason: string | null;
  endMessage: string | null;
}

/** Reads a trace once into per-task facts. */
export function readRunFacts(trace: Trace): RunFacts {
  const byId = new Map<TaskId, TaskFacts>();
  const prints: PrintFact[] = [];
  let endTime = 0;
  let endReason: string | null = null;
  let endMessage: string | null = null;
  for (const event of trace.events) {
    endTime = Math.max(endTime, event.t);
    switch (event.type) {
      case 'task-created':
        byId.set(event.task, {
          id: event.task,
          name: event.name,
          role: event.role,
          parent: event.parent,
          group: event.group,
          createdAt: event.t,
          startedAt: null,
          finishedAt: null,
          outcome: null,
          detail: null,
          cancelRequests: []
        });
        break;
      case 'step-start': {
        const task = byId.get(event.task);
        if (task && task.startedAt === null) task.startedAt = event.t;
        break;
      }
      case 'finished': {
        const task = byId.get(event.task);
        if (task) Object.assign(task, { finishedAt: event.t, outcome: event.outcome, detail: event.detail });
        break;
      }
      case 'cancel-requested':
        byId.get(event.task)?.cancelRequests.push({ t: event.t, by: event.by, message: event.message });
        break;
      case 'print':
        if (event.stream === 'stdout') prints.push({ t: event.t, task: event.task, text: event.text });
        break;
      case 'run-end':
        endReason = event.reason;
        endMessage = event.message ?? null;
        break;
    }
  }
  return { tasks: [...byId.values()], prints, endTime, endReason, endMessage };
}
