import { describe, expect, it } from 'vitest';
import { createTask, gather, sleep, startRun } from '../../src/scheduler';
import { asyncFn, coro, eventsOf, print, runLines } from './helpers';

const task1 = asyncFn('task1', function* () {
  print('Task 1: Start');
  yield sleep(3);
  print('Task 1: End');
  return 'result 1';
});
const task2 = asyncFn('task2', function* () {
  print('Task 2: Start');
  yield sleep(1);
  print('Task 2: End');
  return 'result 2';
});

describe('the seed example', () => {
  it('prints in asyncio order at exact virtual times', async () => {
    const main = coro('main', function* () {
      print('Main: Start');
      const t1 = createTask(task1());
      const t2 = createTask(task2());
      const results = yield gather(t1, t2);
      print(results);
      print('Main: End');
      return results;
    });
    const { lines, report } = await runLines(main);
    expect(lines).toEqual([
      '0: Main: Start',
      '0: Task 1: Start',
      '0: Task 2: Start',
      '1: Task 2: End',
      '3: Task 1: End',
      '3: ["result 1","result 2"]',
      '3: Main: End'
    ]);
    expect(report.status).toBe('ok');
    expect(report.reason).toBe('completed');
    expect(report.value).toEqual(['result 1', 'result 2']);
    expect(eventsOf(report, 'suspended')[0]).toEqual({
      type: 'suspended',
      t: 0,
      task: 0,
      on: 'gather',
      label: 'gather#1',
      targets: [1, 2]
    });
    expect(report.time).toBe(3);
    expect(report.warnings).toEqual([]);
  });

  it('records each task with its parent and outcome', async () => {
    const main = coro('main', function* () {
      const t1 = createTask(task1());
      const t2 = createTask(task2());
      yield t1;
      yield t2;
    });
    const { report } = await runLines(main);
    const created = eventsOf(report, 'task-created');
    expect(created.map(e => [e.task, e.name, e.parent, e.role])).toEqual([
      [0, 'main', null, 'cell'],
      [1, 'task1', 0, 'task'],
      [2, 'task2', 0, 'task']
    ]);
    const finished = eventsOf(report, 'finished');
    expect(finished.map(e => [e.task, e.t, e.outcome, e.detail])).toEqual([
      [2, 1, 'result', '"result 2"'],
      [1, 3, 'result', '"result 1"'],
      [0, 3, 'result', 'undefined']
    ]);
    const suspended = eventsOf(report, 'suspended');
    expect(suspended.map(e => [e.task, e.on, e.label, e.target])).toEqual([
      [0, 'task', 'task1', 1],
      [1, 'sleep', 'sleep(3)', undefined],
      [2, 'sleep', 'sleep(1)', undefined]
    ]);
    expect(report.trace.events.at(-1)).toMatchObject({ type: 'run-end', t: 3, reason: 'completed' });
  });

  it('runs synchronously on the virtual clock: done is already settled', async () => {
    let settled = false;
    const handle = startRun(
      coro('main', function* () {
        yield sleep(1000);
        return 7;
      }),
      { clock: 'virtual' }
    );
    handle.done.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(true);
    expect((await handle.done).value).toBe(7);
  });
});
