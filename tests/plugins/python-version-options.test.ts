// The asyncio version chosen in Settings, the notebook metadata and a cell's directive, and the badge that shows it.
import { describe, expect, it } from 'vitest';
import { badgeLabel } from '../../src/plugins/badge-label';
import { readNotebookMarker } from '../../src/plugins/coroutine-metadata';
import { mergeOptions, withNotebookPython } from '../../src/plugins/runtime-settings';
import { DEFAULT_CELL_OPTIONS } from '../../src/runtime/protocol';

describe('the asyncio version of a cell', () => {
  it('is 3.11 by default and not shown in the badge text, only in its tooltip', () => {
    const label = badgeLabel('print(1)', {}, 'virtual');
    expect(label.python).toBe('3.11');
    expect(label.text).toBe('TS coroutine · virtual');
    expect(label.title).toContain('asyncio rules of Python 3.11');
  });

  it('shows a notebook or Settings version on the badge', () => {
    const label = badgeLabel('print(1)', {}, 'virtual', undefined, '3.13');
    expect(label.text).toBe('TS coroutine · virtual · Python 3.13');
    expect(label.python).toBe('3.13');
  });

  it('lets the first-line directive choose it', () => {
    const label = badgeLabel('// @coroutine-cells python=3.12 clock=real\nawait sleep(1)', {}, 'virtual', undefined, '3.13');
    expect(label.text).toBe('TS coroutine · real · Python 3.12');
    expect(label.warning).toBe(false);
  });

  it('warns about a version it does not know, naming the allowed ones', () => {
    const label = badgeLabel('// @coroutine-cells python=3.10', {}, 'virtual');
    expect(label.warning).toBe(true);
    expect(label.title).toContain("bad value for 'python'");
    expect(label.title).toContain('3.11 | 3.12 | 3.13');
    expect(label.python).toBe('3.11');
  });

  it('reads "python" from the notebook metadata and reports a bad one', () => {
    expect(readNotebookMarker({ default: true, python: '3.13' })).toEqual({ defaultCoroutine: true, python: '3.13', problems: [] });
    const bad = readNotebookMarker({ python: 3.12 });
    expect(bad.python).toBeUndefined();
    expect(bad.problems.join('\n')).toContain('Option "python" should be one of 3.11, 3.12, 3.13, got a number (3.12)');
  });

  it('takes the Settings value, and the notebook metadata over it', () => {
    const settings = mergeOptions(DEFAULT_CELL_OPTIONS, { python: '3.12' } as never);
    expect(settings.python).toBe('3.12');
    expect(mergeOptions(DEFAULT_CELL_OPTIONS, { python: '2.7' } as never).python).toBe('3.11');
    expect(withNotebookPython(settings, { python: '3.13' }).python).toBe('3.13');
    expect(withNotebookPython(settings, { default: true })).toBe(settings);
    expect(withNotebookPython(settings, { python: 'latest' })).toBe(settings);
  });
});
