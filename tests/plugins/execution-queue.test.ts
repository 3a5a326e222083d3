import { describe, expect, it } from 'vitest';
import { ExecutionQueue } from '../../src/plugins/execution-queue';

/** A job that records when it starts and finishes, resolving after `ms`. */
function job(log: string[], name: string, ms: number, ok = true) {
  return async () => {
    log.push(`start ${name}`);
    await new Promise(resolve => setTimeout(resolve, ms));
    log.push(`end ${name}`);
    return { ok, value: name };
  };
}

describe('ExecutionQueue', () => {
  it('runs jobs one after another in the order they were queued, whatever their durations', async () => {
    const queue = new ExecutionQueue();
    const log: string[] = [];
    const results = await Promise.all([
      queue.enqueue(job(log, 'a', 30), () => 'aborted a'),
      queue.enqueue(job(log, 'b', 1), () => 'aborted b'),
      queue.enqueue(job(log, 'c', 10), () => 'aborted c')
    ]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('aborts the jobs queued behind a failed job, as a kernel stops on error', async () => {
    const queue = new ExecutionQueue();
    const log: string[] = [];
    const results = await Promise.all([
      queue.enqueue(job(log, 'a', 5, false), () => 'aborted a'),
      queue.enqueue(job(log, 'b', 5), () => 'aborted b'),
      queue.enqueue(job(log, 'c', 5), () => 'aborted c')
    ]);
    expect(results).toEqual(['a', 'aborted b', 'aborted c']);
    expect(log).toEqual(['start a', 'end a']);
  });

  it('runs jobs queued after the failure', async () => {
    const queue = new ExecutionQueue();
    const log: string[] = [];
    await queue.enqueue(job(log, 'a', 1, false), () => 'aborted a');
    expect(await queue.enqueue(job(log, 'b', 1), () => 'aborted b')).toBe('b');
  });

  it('treats a job that throws as a failure and keeps the queue going', async () => {
    const queue = new ExecutionQueue();
    const thrown = queue.enqueue(
      async () => {
        throw new Error('kernel error');
      },
      () => 'aborted'
    );
    const behind = queue.enqueue(
      async () => ({ ok: true, value: 'behind' }),
      () => 'aborted behind'
    );
    await expect(thrown).rejects.toThrow('kernel error');
    expect(await behind).toBe('aborted behind');
    expect(
      await queue.enqueue(
        async () => ({ ok: true, value: 'later' }),
        () => 'aborted'
      )
    ).toBe('later');
  });
});
