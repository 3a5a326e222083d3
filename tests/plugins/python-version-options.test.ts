// The asyncio version chosen in Settings, the notebook or cell metadata and a cell's directive, and the badge that shows it.
import { describe, expect, it } from 'vitest';
import { badgeLabel } from '../../src/plugins/badge-label';
import { mergeOptions } from '../../src/plugins/runtime-settings';
import { resolveCellOptions } from '../../src/runtime/cell-options';
import { DEFAULT_CELL_OPTIONS } from '../../src/protocol';

describe('the asyncio version of a cell', () => {
  it('is 3.11 by default and not shown in the badge text, only in its tooltip', () => {
    const label = badgeLabel('print(1)', {}, 'virtual');
    expect(label.python).toBe('3.11');
    expect(label.text).toBe('TS coroutine · virtual');
    expect(label.title).toContain('asyncio rules of Python 3.11');
  });

  it('shows a notebook or Settings version on the badge', () => {
    expect(badgeLabel('print(1)', {}, 'virtual', undefined, undefined, '3.13').text).toBe(
      'TS coroutine · virtual · Python 3.13'
    );
    expect(badgeLabel('print(1)', {}, 'virtual', undefined, { python: '3.12' }).text).toBe(
      'TS coroutine · virtual · Python 3.12'
    );
  });

  it('lets the first-line directive choose it', () => {
    const label = badgeLabel('// @coroutine-cells python=3.12 clock=real\nawait sleep(1)', {}, 'virtual', undefined, {
      python: '3.13'
    });
    expect(label.text).toBe('TS coroutine · real · Python 3.12');
    expect(label.warning).toBe(false);
  });

  it('refuses a version it does not know, naming the allowed ones', () => {
    const label = badgeLabel('// @coroutine-cells python=3.10', {}, 'virtual');
    expect(label.invalid).toBe(true);
    expect(label.title).toContain("bad value for 'python'");
    expect(label.title).toContain('3.11 | 3.12 | 3.13');
  });

  it('reads "python" from notebook and cell metadata, the cell over the notebook, and rejects a bad one', () => {
    const both = resolveCellOptions(
      DEFAULT_CELL_OPTIONS,
      { notebook: { python: '3.12' }, cell: { python: '3.13' } },
      ''
    );
    expect(both.ok && both.options.python).toBe('3.13');
    const bad = resolveCellOptions(DEFAULT_CELL_OPTIONS, { notebook: { python: 3.12 } }, '');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.metadataErrors.join('\n')).toContain(
      '"python" must be one of "3.11", "3.12", "3.13", got 3.12'
    );
  });

  it('takes the Settings value when well formed', () => {
    expect(mergeOptions(DEFAULT_CELL_OPTIONS, { python: '3.12' } as never).python).toBe('3.12');
    expect(mergeOptions(DEFAULT_CELL_OPTIONS, { python: '2.7' } as never).python).toBe('3.11');
  });
});
