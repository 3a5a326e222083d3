import { describe, expect, it } from 'vitest';
import { TraceRecorder, DEFAULT_TRACE_CAP } from '../../src/scheduler/trace-recorder';

describe('TraceRecorder', () => {
  it('keeps events up to the cap, adds one truncation marker, always keeps run-end', () => {
    const r = new TraceRecorder(true, 'virtual', 3);
    let full = 0;
    r.onFull = () => full++;
    for (let i = 0; i < 6; i++) r.push({ type: 'task-ready', t: i, task: 0 });
    r.pushFinal({ type: 'run-end', t: 9, steps: 1, reason: 'completed' });
    const trace = r.toTrace();
    expect(trace.truncated).toBe(true);
    expect(trace.events.map(e => e.type)).toEqual([
      'task-ready',
      'task-ready',
      'task-ready',
      'trace-truncated',
      'run-end'
    ]);
    expect(trace.events[3]).toEqual({ type: 'trace-truncated', t: 3, dropped: 'events-after-cap', cap: 3 });
    expect(full).toBe(1);
  });

  it('a disabled recorder keeps nothing, and the default cap is documented', () => {
    const r = new TraceRecorder(false, 'real');
    r.push({ type: 'task-ready', t: 0, task: 0 });
    r.pushFinal({ type: 'run-end', t: 0, steps: 0, reason: 'completed' });
    expect(r.toTrace()).toEqual({ clock: 'real', events: [], truncated: false });
    expect(DEFAULT_TRACE_CAP).toBe(200_000);
  });
});
