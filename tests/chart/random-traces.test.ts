import { describe, expect, it } from 'vitest';
import type { TraceEvent, WaitKind } from '../../src/scheduler/trace-events';
import { chartOf } from './chart-helpers';

/** A small deterministic PRNG (mulberry32), so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: WaitKind[] = [
  'sleep',
  'task',
  'future',
  'gather',
  'lock',
  'event',
  'condition',
  'semaphore',
  'barrier',
  'queue',
  'taskgroup',
  'timeout',
  'outside',
  'yield'
];

/** Events in any order a buggy or cut trace could have: unknown ids, repeats, missing ends. */
function randomTrace(seed: number): { clock: 'virtual' | 'real'; events: TraceEvent[]; truncated: boolean } {
  const r = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const events: TraceEvent[] = [];
  let t = 0;
  let tasks = 0;
  const n = 20 + Math.floor(r() * 200);
  for (let i = 0; i < n; i++) {
    if (r() < 0.3) t = Math.round((t + r() * 2) * 1000) / 1000;
    const task = Math.floor(r() * (tasks + 2)); // sometimes a task never created
    switch (Math.floor(r() * 11)) {
      case 0:
        events.push({
          type: 'task-created',
          t,
          task: tasks,
          name: `t${tasks}<i>`,
          parent: tasks > 0 ? Math.floor(r() * tasks) : null,
          role: tasks === 0 ? 'cell' : pick(['root', 'task'] as const)
        });
        tasks++;
        break;
      case 1:
        events.push({ type: 'step-start', t, task });
        break;
      case 2:
        events.push({ type: 'step-end', t, task });
        break;
      case 3: {
        const on = pick(KINDS);
        events.push({ type: 'suspended', t, task, on, label: `${on}#${i}` });
        break;
      }
      case 4:
        events.push({ type: 'woken', t, task });
        break;
      case 5:
        events.push({ type: 'print', t, task: r() < 0.1 ? null : task, stream: 'stdout', text: `line ${i}\n` });
        break;
      case 6:
        events.push({
          type: 'finished',
          t,
          task,
          outcome: pick(['result', 'exception', 'cancelled'] as const),
          detail: `d${i}`
        });
        break;
      case 7:
        events.push({ type: 'cancel-requested', t, task, by: r() < 0.5 ? null : Math.floor(r() * (tasks + 1)) });
        break;
      case 8:
        events.push({ type: 'blocking', t, task, duration: Math.round(r() * 100) / 100 });
        break;
      case 9:
        events.push(
          r() < 0.5 ? { type: 'outside-wait-start', t, task, label: 'Promise' } : { type: 'outside-wait-end', t, task }
        );
        break;
      case 10:
        events.push({ type: 'task-ready', t, task });
        break;
    }
  }
  if (r() < 0.3) events.push({ type: 'trace-truncated', t, dropped: 'events-after-cap', cap: events.length });
  if (r() < 0.8)
    events.push({
      type: 'run-end',
      t,
      steps: n,
      reason: pick(['completed', 'failed', 'deadlock', 'step-budget', 'time-budget', 'interrupted'] as const)
    });
  return { clock: r() < 0.7 ? 'virtual' : 'real', events, truncated: r() < 0.2 };
}

describe('random and malformed traces', () => {
  it('always give a chart that compiles without warnings and a text timeline', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const trace = randomTrace(seed);
      const { text, data, rows } = chartOf(trace, { rowLimit: 1 + (seed % 7) });
      expect(text.split('\n')[0].length).toBeGreaterThan(0);
      for (const d of data) {
        if (d.t0 !== undefined) expect(Number.isFinite(d.t0)).toBe(true);
        if (d.t1 !== undefined) expect(d.t1 as number).toBeGreaterThanOrEqual(d.t0 as number);
      }
      expect(new Set(rows).size).toBe(rows.length);
    }
  });
});
