import { describe, expect, it } from 'vitest';
import { findExecutorConflict } from '../../src/plugins/executor-conflict';

const ourId = 'jupyterlab-coroutine-cells:executor';

describe('findExecutorConflict', () => {
  it('finds no conflict when our plugin provides the executor', () => {
    expect(
      findExecutorConflict({
        providerId: ourId,
        ourId,
        activePlugins: [ourId, '@jupyter/docprovider-extension:notebook-cell-executor']
      })
    ).toBeNull();
  });

  it('names the plugin that provides the executor instead of ours', () => {
    expect(
      findExecutorConflict({
        providerId: '@jupyter/docprovider-extension:notebook-cell-executor',
        ourId,
        activePlugins: []
      })
    ).toBe('@jupyter/docprovider-extension:notebook-cell-executor');
  });

  it('falls back to known competitors that are active when the provider is unknown', () => {
    expect(
      findExecutorConflict({
        providerId: null,
        ourId,
        activePlugins: [ourId, 'jupyter-server-nbmodel:notebook-cell-executor']
      })
    ).toBe('jupyter-server-nbmodel:notebook-cell-executor');
  });

  it('finds nothing when the provider is unknown and no competitor is active', () => {
    expect(findExecutorConflict({ providerId: undefined, ourId, activePlugins: [ourId] })).toBeNull();
  });
});

describe('findExecutorConflict with the executor mark', () => {
  const ourId = 'jupyterlab-coroutine-cells:executor';
  it('trusts the mark of the resolved executor over a list of active competitors', () => {
    expect(
      findExecutorConflict({
        executorIsOurs: true,
        ourId,
        activePlugins: ['@jupyter/docprovider-extension:notebook-cell-executor']
      })
    ).toBeNull();
  });
  it('reports a conflict when the resolved executor is not ours, even from an unknown plugin', () => {
    expect(findExecutorConflict({ executorIsOurs: false, ourId, activePlugins: [] })).toBe('another extension');
    expect(findExecutorConflict({ executorIsOurs: false, providerId: 'x:executor', ourId, activePlugins: [] })).toBe(
      'x:executor'
    );
  });
});
