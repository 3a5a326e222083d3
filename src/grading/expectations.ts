/**
 * Assertions about a finished run, for exercises: a task finished at 3 s, two tasks overlapped,
 * a task was cancelled by its TaskGroup, the run took 3 s and not 6 s, lines were printed in an
 * order. Deterministic on the virtual clock. A failed check throws an AssertionError whose message
 * says, in a student's words, what happened and what to change; a passed check reports one line.
 * Checks return nothing (no chaining), so a check as a cell's last line leaves no execute_result,
 * which nbgrader would read as a partial grade.
 */
import type { TaskId } from '../scheduler/trace-events';
import type { RunRecord } from './run-record';
import { readRunFacts, type RunFacts, type TaskFacts } from './task-facts';

/** The error a failed expectation throws (its name is AssertionError, as in Python). */
export class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

/** Called with a one-line description of each check that passed. */
export type PassReport = (line: string) => void;

/** Times on the virtual clock are exact sums of decimals: compare with a small tolerance. */
const EPSILON = 1e-9;

/** "3 s", "1.25 s". */
export function seconds(t: number): string {
  return `${Number(t.toFixed(6))} s`;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPSILON;
}

/** Expectations about one recorded run. */
export class RunExpectations {
  private readonly facts: RunFacts;

  constructor(
    private readonly record: RunRecord,
    private readonly pass: PassReport = () => {}
  ) {
    this.facts = readRunFacts(record.trace);
  }

  /** The run ended without an error (checked first by every other expectation). */
  succeeded(): void {
    this.requireSuccess();
    this.pass(`${this.record.cell} ran without an error`);
  }

  /** The run ended with an error whose text contains `text` (e.g. "DeadlockError"). */
  failedWith(text: string): void {
    const error = this.record.error;
    if (this.record.status === 'ok' || error === null) {
      throw new AssertionError(`${this.record.cell} was expected to fail with ${text}, but it ran without an error.`);
    }
    if (!error.includes(text)) {
      throw new AssertionError(
        `${this.record.cell} failed with "${firstLine(error)}", expected an error mentioning "${text}".`
      );
    }
    this.pass(`${this.record.cell} failed with ${text}`);
  }

  /** The whole run took `expected` seconds (virtual time); `hint` is added to the failure message. */
  runTime(expected: number, hint?: string): void {
    checkTime('runTime', expected);
    this.requireSuccess();
    const roots = this.facts.tasks.filter(t => t.role === 'root');
    const main = roots.length === 1 ? roots[0] : null;
    const actual = main && main.finishedAt !== null ? main.finishedAt - main.createdAt : this.facts.endTime;
    const who = main ? main.name : 'the cell';
    if (!same(actual, expected)) {
      const why = actual > expected ? this.whySlow() : 'something finished early or never ran to the end.';
      throw new AssertionError(
        `${who} took ${seconds(actual)}, expected ${seconds(expected)}: ${why}${hint ? ` ${hint}` : ''}`
      );
    }
    this.pass(`${who} took ${seconds(actual)}`);
  }

  /** Expectations about the task named `name` (exactly one task must have that name). */
  task(name: string): TaskExpectations {
    this.requireSuccess();
    const found = this.tasksNamed(name);
    if (found.length > 1) {
      throw new AssertionError(
        `${found.length} tasks are named '${name}', so the check cannot tell them apart: ` +
          `name each one, e.g. createTask(coro, { name: '${name}-1' }).`
      );
    }
    return new TaskExpectations(found[0], this.facts, this.pass);
  }

  /**
   * Every task named in `names` ran at the same time as every other one (their lifetimes
   * overlapped); a name also stands for its numbered copies ("download", "download-2", ...: the
   * default names of several tasks of one coroutine function).
   */
  overlap(...names: string[]): void {
    this.requireSuccess();
    const tasks = names.flatMap(name => this.tasksNamed(name, true));
    if (tasks.length < 2)
      throw new AssertionError(`overlap() needs at least two tasks, got ${tasks.length} (${names.join(', ')}).`);
    for (let i = 0; i < tasks.length; i++) {
      for (let j = i + 1; j < tasks.length; j++) {
        const [a, b] = [tasks[i], tasks[j]];
        const [sa, ea] = this.span(a);
        const [sb, eb] = this.span(b);
        if (Math.min(ea, eb) - Math.max(sa, sb) <= EPSILON) {
          throw new AssertionError(
            `'${a.name}' (${seconds(sa)}–${seconds(ea)}) and '${b.name}' (${seconds(sb)}–${seconds(eb)}) ran one after ` +
              `the other; they never overlapped. Run them concurrently: create both tasks (createTask, gather or a ` +
              `TaskGroup) before awaiting either.`
          );
        }
      }
    }
    this.pass(`${describeNames(tasks)} ran at the same time`);
  }

  /** Task `first` finished before task `second` started. */
  sequential(first: string, second: string): void {
    this.requireSuccess();
    const a = this.one(first);
    const b = this.one(second);
    const [, ea] = this.span(a);
    const [sb] = this.span(b);
    if (sb < ea - EPSILON) {
      throw new AssertionError(
        `'${second}' started at ${seconds(sb)}, before '${first}' finished at ${seconds(ea)}; expected it to wait for '${first}'.`
      );
    }
    this.pass(`'${second}' started after '${first}' finished`);
  }

  /**
   * These lines were printed in this order (each entry is part of one printed line; other lines
   * may come between them).
   */
  printed(expected: readonly string[]): void {
    if (!Array.isArray(expected) || expected.some(line => typeof line !== 'string')) {
      throw new TypeError(`printed(lines): lines must be an array of strings, got ${JSON.stringify(expected)}`);
    }
    this.requireSuccess();
    const lines = this.record.stdout.split('\n');
    let at = 0;
    for (const [i, want] of expected.entries()) {
      const found = lines.findIndex((line, k) => k >= at && line.includes(want));
      if (found === -1) {
        const earlier = lines.findIndex(line => line.includes(want));
        const previous = i > 0 ? expected[i - 1] : '';
        throw new AssertionError(
          earlier === -1
            ? `"${want}" was never printed. The cell printed:\n${indent(this.record.stdout)}`
            : `"${want}" was printed before "${previous}"; expected it after. The cell printed:\n${indent(this.record.stdout)}`
        );
      }
      at = found + 1;
    }
    this.pass(`printed ${expected.length} ${expected.length === 1 ? 'line' : 'lines'} in the expected order`);
  }

  private requireSuccess(): void {
    if (this.record.status !== 'ok') {
      const what = this.record.error ? `failed with ${firstLine(this.record.error)}` : `was ${this.record.status}`;
      throw new AssertionError(`${this.record.cell} ${what}, so its run cannot be checked: fix it and run it again.`);
    }
  }

  private tasksNamed(name: string, withCopies = false): TaskFacts[] {
    if (typeof name !== 'string' || name === '')
      throw new TypeError(`a task name must be a non-empty string, got ${String(name)}`);
    const copy = (t: TaskFacts): boolean =>
      withCopies && t.name.startsWith(`${name}-`) && /^\d+$/.test(t.name.slice(name.length + 1));
    const found = this.facts.tasks.filter(t => t.name === name || copy(t));
    if (found.length === 0) {
      const names = [...new Set(this.facts.tasks.map(t => t.name))].join(', ') || 'none';
      throw new AssertionError(
        `there is no task named '${name}' in the run (its tasks: ${names}). A coroutine that is awaited directly ` +
          `runs inside the task that awaits it and is not a task of its own: wrap it with createTask, gather or a ` +
          `TaskGroup (and pass { name: '${name}' } if its name differs).`
      );
    }
    return found;
  }

  private one(name: string): TaskFacts {
    return this.task(name).facts;
  }

  /** From its first step (or creation) to its end (or the end of the run). */
  private span(task: TaskFacts): [number, number] {
    return [task.startedAt ?? task.createdAt, task.finishedAt ?? this.facts.endTime];
  }

  /** Why a run took longer than expected, from the shape of its tasks. */
  private whySlow(): string {
    const workers = this.facts.tasks.filter(t => t.role === 'task');
    if (workers.length === 0) {
      return 'nothing ran concurrently — every await ran inside one task, one after the other. Run the jobs concurrently (createTask, gather or a TaskGroup).';
    }
    const overlapping = workers.some((a, i) =>
      workers.slice(i + 1).some(b => {
        const [sa, ea] = this.span(a);
        const [sb, eb] = this.span(b);
        return Math.min(ea, eb) - Math.max(sa, sb) > EPSILON;
      })
    );
    if (!overlapping) {
      const spans = workers.slice(0, 5).map(t => `${t.name} ${seconds(this.span(t)[0])}–${seconds(this.span(t)[1])}`);
      return `the tasks ran one after the other (${spans.join(', ')}) — start them all before awaiting any of them.`;
    }
    return 'some waits were longer than needed or happened one after the other.';
  }
}

/** Expectations about one task of a run. */
export class TaskExpectations {
  constructor(
    /** What the trace says about the task. */
    readonly facts: TaskFacts,
    private readonly run: RunFacts,
    private readonly pass: PassReport
  ) {}

  /** The task finished (returned, raised or was cancelled) at `t` seconds. */
  finishedAt(t: number): void {
    checkTime('finishedAt', t);
    const task = this.facts;
    if (task.finishedAt === null) {
      throw new AssertionError(
        `task '${task.name}' never finished: it was still waiting when the run ended at ${seconds(this.run.endTime)} (expected it to finish at ${seconds(t)}).`
      );
    }
    if (!same(task.finishedAt, t)) {
      throw new AssertionError(
        `task '${task.name}' finished at ${seconds(task.finishedAt)}, expected at ${seconds(t)}.`
      );
    }
    this.pass(`task '${task.name}' finished at ${seconds(t)}`);
  }

  /** The task's first step ran at `t` seconds. */
  startedAt(t: number): void {
    checkTime('startedAt', t);
    const task = this.facts;
    if (task.startedAt === null || !same(task.startedAt, t)) {
      const actual = task.startedAt === null ? 'never started' : `started at ${seconds(task.startedAt)}`;
      throw new AssertionError(`task '${task.name}' ${actual}, expected it to start at ${seconds(t)}.`);
    }
    this.pass(`task '${task.name}' started at ${seconds(t)}`);
  }

  /** The task returned (and, given `text`, its result's text contains it). */
  returned(text?: string): void {
    const task = this.facts;
    if (task.outcome !== 'result' || (text !== undefined && !(task.detail ?? '').includes(text))) {
      throw new AssertionError(
        `task '${task.name}' ${this.ending()}, expected it to return${text === undefined ? '' : ` ${text}`}.`
      );
    }
    this.pass(`task '${task.name}' returned ${task.detail}`);
  }

  /** The task raised an exception (and, given `text`, its text contains it). */
  raised(text?: string): void {
    const task = this.facts;
    if (task.outcome !== 'exception' || (text !== undefined && !(task.detail ?? '').includes(text))) {
      throw new AssertionError(
        `task '${task.name}' ${this.ending()}, expected it to raise${text === undefined ? ' an exception' : ` ${text}`}.`
      );
    }
    this.pass(`task '${task.name}' raised ${task.detail}`);
  }

  /** The task ended cancelled. */
  cancelled(): void {
    this.requireCancelled();
    this.pass(`task '${this.facts.name}' was cancelled at ${seconds(this.facts.finishedAt ?? 0)}`);
  }

  /**
   * The task was cancelled, and the request came from `who`: a task's name, 'TaskGroup' (the group
   * that owns it cancelled it because a sibling failed) or 'timeout' (a timer, no task).
   */
  cancelledBy(who: string): void {
    if (typeof who !== 'string' || who === '')
      throw new TypeError(`cancelledBy(who): who must be a task name, 'TaskGroup' or 'timeout', got ${String(who)}`);
    this.requireCancelled();
    const task = this.facts;
    const requesters = task.cancelRequests.map(r => this.requester(r.by));
    const ok =
      who === 'TaskGroup'
        ? (task.group ?? '').startsWith('TaskGroup') && task.cancelRequests.length > 0
        : who === 'timeout'
          ? requesters.includes('a timer')
          : requesters.includes(`task '${who}'`);
    if (!ok) {
      const from =
        requesters.length === 0 ? 'nobody asked to cancel it' : `the cancellation came from ${requesters.join(', ')}`;
      const group =
        who === 'TaskGroup' && !task.group?.startsWith('TaskGroup') ? ` and it does not belong to a TaskGroup` : '';
      throw new AssertionError(`task '${task.name}' was cancelled, but not by ${who}: ${from}${group}.`);
    }
    this.pass(`task '${task.name}' was cancelled by ${who}`);
  }

  private requireCancelled(): void {
    if (this.facts.outcome !== 'cancelled') {
      throw new AssertionError(`task '${this.facts.name}' ${this.ending()}, expected it to be cancelled.`);
    }
  }

  private requester(id: TaskId | null): string {
    if (id === null) return 'a timer';
    const task = this.run.tasks.find(t => t.id === id);
    return task ? `task '${task.name}'` : `task #${id}`;
  }

  /** "returned 'a' at 3 s", "raised Error: boom at 1 s", "was cancelled at 1 s", "never finished". */
  private ending(): string {
    const task = this.facts;
    if (task.finishedAt === null) return 'never finished';
    const when = `at ${seconds(task.finishedAt)}`;
    if (task.outcome === 'result') return `returned ${task.detail} ${when}`;
    if (task.outcome === 'exception') return `raised ${task.detail} ${when}`;
    return `was cancelled ${when}`;
  }
}

function checkTime(what: string, t: number): void {
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) {
    throw new TypeError(`${what}(seconds): seconds must be a number ≥ 0, got ${String(t)}`);
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

function indent(text: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map(line => `  ${line}`)
    .join('\n');
}

function describeNames(tasks: TaskFacts[]): string {
  return [...new Set(tasks.map(t => `'${t.name}'`))].join(' and ');
}
