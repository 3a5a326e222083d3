import { describe, expect, it } from 'vitest';
import { badgeLabel } from '../../src/plugins/badge-label';

describe('badgeLabel', () => {
  it('shows the default clock for a plain coroutine cell', () => {
    const label = badgeLabel('print(1)', {}, 'virtual');
    expect(label.text).toBe('TS coroutine · virtual');
    expect(label.warning).toBe(false);
    expect(label.title).toContain('virtual clock');
  });

  it('follows the Settings default', () => {
    expect(badgeLabel('print(1)', {}, 'real').text).toBe('TS coroutine · real');
  });

  it('lets the cell metadata override the default', () => {
    expect(badgeLabel('', { clock: 'real' }, 'virtual').clock).toBe('real');
  });

  it('lets the first-line directive override metadata and default', () => {
    const label = badgeLabel('// @coroutine-cells clock=real\nawait sleep(1)', { clock: 'virtual' }, 'virtual');
    expect(label.text).toBe('TS coroutine · real');
  });

  it('warns about a bad directive and keeps the clock it had', () => {
    const label = badgeLabel('// @coroutine-cells clock=fast', {}, 'virtual');
    expect(label.clock).toBe('virtual');
    expect(label.warning).toBe(true);
    expect(label.invalid).toBe(true);
    expect(label.title).toContain("bad value for 'clock'");
  });

  it('says that a cell with malformed metadata will not run', () => {
    const label = badgeLabel('print(1)', 'oops', 'virtual');
    expect(label.warning).toBe(true);
    expect(label.invalid).toBe(true);
    expect(label.title).toContain('will not run until its options are fixed');
    expect(label.title).toContain('must be an object');
    expect(label.text).toBe('TS coroutine · invalid options');
  });

  it('follows the notebook metadata under the cell metadata and the directive', () => {
    expect(badgeLabel('print(1)', {}, 'virtual', undefined, { default: true, clock: 'real' }).text).toBe(
      'TS coroutine · real'
    );
    expect(badgeLabel('print(1)', { clock: 'virtual' }, 'real', undefined, { clock: 'real' }).clock).toBe('virtual');
    expect(
      badgeLabel('// @coroutine-cells clock=real', { clock: 'virtual' }, 'virtual', undefined, { clock: 'virtual' })
        .clock
    ).toBe('real');
  });

  it('shows an ignored option from a newer version as a warning, not an error', () => {
    const label = badgeLabel('print(1)', { version: 5, clock: 'real', future: 1 }, 'virtual');
    expect(label).toMatchObject({ clock: 'real', warning: true, invalid: false, text: 'TS coroutine · real' });
  });
});
