import { describe, expect, it } from 'vitest';
import {
  describeValue,
  METADATA_FORMAT_VERSION,
  noTranslation,
  readCellMarker,
  readNotebookMarker
} from '../../src/plugins/coroutine-metadata';

describe("readCellMarker (the runtime's own option rules, for badges and the open-time message)", () => {
  it('accepts the empty object the commands write, with no problem', () => {
    expect(readCellMarker({})).toEqual({ clock: undefined, problems: [], invalid: false });
  });

  it('reads a valid clock and known options', () => {
    const marker = readCellMarker({ version: 1, clock: 'real', maxSteps: 10, chart: { enabled: false } });
    expect(marker).toEqual({ clock: 'real', problems: [], invalid: false });
  });

  it('reports a string instead of an object, naming the value: the cell will not run', () => {
    const marker = readCellMarker('yes please');
    expect(marker.invalid).toBe(true);
    expect(marker.problems).toHaveLength(1);
    expect(marker.problems[0]).toContain('must be an object');
    expect(marker.problems[0]).toContain('"yes please"');
  });

  it('reports arrays and numbers as malformed too', () => {
    expect(readCellMarker([1, 2]).problems[0]).toContain('got [1,2]');
    expect(readCellMarker(3).problems[0]).toContain('got 3');
  });

  it('names unknown options and lists the known ones', () => {
    const { problems, invalid } = readCellMarker({ colour: 'red' });
    expect(invalid).toBe(true);
    expect(problems).toEqual([expect.stringContaining('unknown option "colour"')]);
    expect(problems[0]).toContain('clock, maxSteps');
  });

  it('reports a bad clock as invalid, with no clock', () => {
    const marker = readCellMarker({ clock: 'fast' });
    expect(marker.clock).toBeUndefined();
    expect(marker.invalid).toBe(true);
    expect(marker.problems[0]).toContain('"clock" must be "virtual" or "real", got "fast"');
  });

  it('says a future format version comes from a newer version of the extension, and ignores what it does not know', () => {
    const marker = readCellMarker({ version: METADATA_FORMAT_VERSION + 1, clock: 'virtual', futureOption: 1 });
    expect(marker.invalid).toBe(false);
    expect(marker.problems).toHaveLength(1);
    expect(marker.problems[0]).toContain(`format ${METADATA_FORMAT_VERSION + 1}`);
    expect(marker.problems[0]).toContain('newer version');
  });

  it('reports a version that is not a whole number', () => {
    expect(readCellMarker({ version: 'two' }).problems[0]).toContain('"version" must be a whole number');
  });

  it('reports bad budgets and unknown chart options', () => {
    const { problems } = readCellMarker({ maxSteps: -1, chart: { colours: 3 } });
    expect(problems).toEqual([
      expect.stringContaining('"maxSteps" must be a whole number > 0, got -1'),
      expect.stringContaining('unknown chart option "colours"')
    ]);
  });

  it('is silent for values that do not mark a coroutine cell', () => {
    expect(readCellMarker(undefined).problems).toEqual([]);
    expect(readCellMarker(false).problems).toEqual([]);
    expect(readCellMarker(null).problems).toEqual([]);
  });

  it('passes the "ignored" messages through the translator', () => {
    const seen: string[] = [];
    readCellMarker({ version: 99 }, (text, ...args) => {
      seen.push(text);
      return noTranslation(text, ...args);
    });
    expect(seen).toContain('Ignored: %1');
  });
});

describe('readNotebookMarker', () => {
  it('recognises {"default": true}', () => {
    expect(readNotebookMarker({ default: true })).toEqual({ defaultCoroutine: true, problems: [] });
  });

  it('accepts notebook-wide options', () => {
    expect(readNotebookMarker({ default: true, clock: 'real', chart: { rowLimit: 5 } })).toEqual({
      defaultCoroutine: true,
      problems: []
    });
  });

  it('treats absent metadata as an ordinary notebook', () => {
    expect(readNotebookMarker(undefined)).toEqual({ defaultCoroutine: false, problems: [] });
  });

  it('reports a malformed value and keeps new cells ordinary', () => {
    const marker = readNotebookMarker('typescript');
    expect(marker.defaultCoroutine).toBe(false);
    expect(marker.problems[0]).toContain('should be an object such as {"default": true}');
  });

  it('reports a non-boolean default and unknown keys', () => {
    const marker = readNotebookMarker({ default: 'yes', theme: 'dark' });
    expect(marker.defaultCoroutine).toBe(false);
    expect(marker.problems).toEqual([
      expect.stringContaining('unknown option "theme"'),
      expect.stringContaining('"default" should be true or false')
    ]);
  });
});

describe('describeValue', () => {
  it('shortens long values', () => {
    const text = describeValue('x'.repeat(100));
    expect(text.length).toBeLessThan(60);
    expect(text).toContain('...');
  });
});
