import { describe, expect, it } from 'vitest';
import { nullTranslator } from '@jupyterlab/translation';
import { progressText, type ProgressTranslations } from '../../src/plugins/progress-text';

describe('progressText', () => {
  it('virtual clock: the virtual time reached, the tasks alive, the steps taken, the real time elapsed', () => {
    const text = progressText({ clock: 'virtual', elapsedMs: 2_104, time: 12.5, tasksAlive: 340, steps: 1_234_567 });
    expect(text).toBe('Running… virtual time 12.5 s · 340 tasks alive · 1,234,567 steps (2.10 s elapsed)');
  });

  it('real clock, singulars, and large times', () => {
    expect(progressText({ clock: 'real', elapsedMs: 510, time: 0.506, tasksAlive: 1, steps: 1 })).toBe(
      'Running… 0.51 s of real time · 1 task alive · 1 step (0.51 s elapsed)'
    );
    expect(progressText({ clock: 'virtual', elapsedMs: 61_000, time: 86_400, tasksAlive: 0, steps: 2 })).toBe(
      'Running… virtual time 86,400 s · 0 tasks alive · 2 steps (61.0 s elapsed)'
    );
  });

  it("goes through JupyterLab's translator (the same text with nullTranslator; a translation is used)", () => {
    const progress = { clock: 'virtual' as const, elapsedMs: 600, time: 3, tasksAlive: 2, steps: 5 };
    const jupyter = nullTranslator.load('jupyterlab_coroutine_cells');
    expect(progressText(progress, jupyter)).toBe(progressText(progress));
    const upper: ProgressTranslations = {
      __: (msgid, ...args) => jupyter.__(msgid.toUpperCase(), ...(args as string[])),
      _n: (singular, plural, n, ...args) =>
        jupyter._n(singular.toUpperCase(), plural.toUpperCase(), n, ...(args as string[]))
    };
    expect(progressText(progress, upper)).toBe(
      'RUNNING… VIRTUAL TIME 3.00 s · 2 TASKS ALIVE · 5 STEPS (0.60 s ELAPSED)'
    );
  });
});
