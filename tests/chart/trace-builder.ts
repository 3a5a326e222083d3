/** Small builders of hand-made traces for the chart tests. */
import type { Outcome, RunEndReason, TaskRole, Trace, TraceEvent, WaitKind } from '../../src/scheduler/trace-events';

/** Appends trace events in order; counts steps for run-end. */
export class TraceBuilder {
  readonly events: TraceEvent[] = [];
  private steps = 0;

  constructor(readonly clock: 'virtual' | 'real' = 'virtual') {}

  create(t: number, task: number, name: string, parent: number | null, role: TaskRole = 'task', group?: string): this {
    this.events.push(
      group === undefined
        ? { type: 'task-created', t, task, name, parent, role }
        : { type: 'task-created', t, task, name, parent, role, group }
    );
    this.events.push({ type: 'task-ready', t, task });
    return this;
  }

  /** One step of `task` at `t` (or from `t` to `end`), with `body` emitting what happens inside it. */
  step(t: number, task: number, body?: (b: this) => void, end = t): this {
    this.steps++;
    this.events.push({ type: 'step-start', t, task });
    body?.(this);
    this.events.push({ type: 'step-end', t: end, task });
    return this;
  }

  suspend(t: number, task: number, on: WaitKind, label: string, target?: number): this {
    this.events.push(
      target === undefined
        ? { type: 'suspended', t, task, on, label }
        : { type: 'suspended', t, task, on, label, target }
    );
    return this;
  }

  wake(t: number, task: number): this {
    this.events.push({ type: 'woken', t, task });
    return this;
  }

  print(t: number, task: number | null, text: string, stream: 'stdout' | 'stderr' = 'stdout'): this {
    this.events.push({ type: 'print', t, task, stream, text });
    return this;
  }

  cancel(t: number, task: number, by: number | null, message?: string): this {
    this.events.push(
      message === undefined
        ? { type: 'cancel-requested', t, task, by }
        : { type: 'cancel-requested', t, task, by, message }
    );
    return this;
  }

  finish(t: number, task: number, outcome: Outcome, detail: string): this {
    this.events.push({ type: 'finished', t, task, outcome, detail });
    return this;
  }

  push(e: TraceEvent): this {
    this.events.push(e);
    return this;
  }

  end(t: number, reason: RunEndReason = 'completed', message?: string): Trace {
    this.events.push(
      message === undefined
        ? { type: 'run-end', t, steps: this.steps, reason }
        : { type: 'run-end', t, steps: this.steps, reason, message }
    );
    return this.build();
  }

  build(truncated = false): Trace {
    return { clock: this.clock, events: this.events, truncated };
  }
}

/**
 * The seed lesson: a cell body starts main with run(); main gathers task1 (sleep 3) and task2
 * (sleep 1). Events as the scheduler records them (asyncio order).
 */
export function seedTrace(): Trace {
  const b = new TraceBuilder('virtual');
  b.create(0, 0, 'cell[1]', null, 'cell')
    .step(0, 0, s => s.create(0, 1, 'main', 0, 'root').finish(0, 0, 'result', 'undefined'))
    .step(0, 1, s =>
      s
        .print(0, 1, 'Main: Start\n')
        .create(0, 2, 'task1', 1, 'task', 'gather#1')
        .create(0, 3, 'task2', 1, 'task', 'gather#1')
        .suspend(0, 1, 'gather', 'gather#1')
    )
    .step(0, 2, s => s.print(0, 2, 'Task 1: Start\n').suspend(0, 2, 'sleep', 'sleep(3)'))
    .step(0, 3, s => s.print(0, 3, 'Task 2: Start\n').suspend(0, 3, 'sleep', 'sleep(1)'))
    .wake(1, 3)
    .step(1, 3, s => s.print(1, 3, 'Task 2: End\n').finish(1, 3, 'result', "'Task 2 result'"))
    .wake(3, 2)
    .step(3, 2, s => s.print(3, 2, 'Task 1: End\n').finish(3, 2, 'result', "'Task 1 result'"))
    .wake(3, 1)
    .step(3, 1, s =>
      s
        .print(3, 1, "Results: [ 'Task 1 result', 'Task 2 result' ]\n")
        .print(3, 1, 'Main: End\n')
        .finish(3, 1, 'result', 'undefined')
    );
  return b.end(3);
}

/** `n` tasks created by main at t=0, task i sleeps (i % 10) + 1 seconds and returns i. */
export function manyTasksTrace(n: number): Trace {
  const b = new TraceBuilder('virtual');
  b.create(0, 0, 'main', null, 'root');
  b.step(0, 0, s => {
    for (let i = 1; i <= n; i++) s.create(0, i, `worker${i}`, 0, 'task', 'TaskGroup#1');
    s.suspend(0, 0, 'taskgroup', 'TaskGroup#1');
  });
  for (let i = 1; i <= n; i++) b.step(0, i, s => s.suspend(0, i, 'sleep', `sleep(${(i % 10) + 1})`));
  for (let d = 1; d <= 10; d++) {
    for (let i = 1; i <= n; i++) {
      if ((i % 10) + 1 !== d) continue;
      b.wake(d, i).step(d, i, s => s.finish(d, i, 'result', String(i)));
    }
  }
  b.wake(10, 0).step(10, 0, s => s.finish(10, 0, 'result', 'undefined'));
  return b.end(10);
}
