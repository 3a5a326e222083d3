import { describe, expect, it } from 'vitest';
import { describeValue, METADATA_FORMAT_VERSION, noTranslation, readCellMarker, readNotebookMarker } from '../../src/plugins/coroutine-metadata';

describe('readCellMarker', () => {
  it('accepts the empty object the commands write, with no problem', () => {
    expect(readCellMarker({})).toEqual({ clock: undefined, problems: [] });
  });

  it('reads a valid clock and known options', () => {
    const marker = readCellMarker({ version: 1, clock: 'real', maxSteps: 10, chart: { enabled: false } });
    expect(marker).toEqual({ clock: 'real', problems: [] });
  });

  it('reports a string instead of an object, naming the value', () => {
    const { problems } = readCellMarker('yes please');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('should be an object');
    expect(problems[0]).toContain('a string ("yes please")');
  });

  it('reports arrays and numbers as malformed too', () => {
    expect(readCellMarker([1, 2]).problems[0]).toContain('an array ([1,2])');
    expect(readCellMarker(3).problems[0]).toContain('a number (3)');
  });

  it('names unknown options and lists the known ones', () => {
    const { problems } = readCellMarker({ colour: 'red' });
    expect(problems).toEqual([expect.stringContaining('Unknown option "colour"')]);
    expect(problems[0]).toContain('clock, maxSteps');
  });

  it('ignores a bad clock with a message and falls back to no clock', () => {
    const marker = readCellMarker({ clock: 'fast' });
    expect(marker.clock).toBeUndefined();
    expect(marker.problems[0]).toContain('"clock" should be "virtual" or "real", got a string ("fast")');
  });

  it('says a future format version comes from a newer version of the extension', () => {
    const { problems } = readCellMarker({ version: METADATA_FORMAT_VERSION + 1, clock: 'virtual' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`metadata format ${METADATA_FORMAT_VERSION + 1}`);
    expect(problems[0]).toContain('newer version');
  });

  it('reports a version that is not a whole number', () => {
    expect(readCellMarker({ version: 'two' }).problems[0]).toContain('"version" should be a whole number');
  });

  it('reports bad budgets and unknown chart options', () => {
    const { problems } = readCellMarker({ maxSteps: -1, chart: { colours: 3 } });
    expect(problems).toEqual([
      expect.stringContaining('"maxSteps" should be a positive number, got a number (-1)'),
      expect.stringContaining('Unknown option "colours" in the chart options')
    ]);
  });

  it('is silent for values that do not mark a coroutine cell', () => {
    expect(readCellMarker(undefined).problems).toEqual([]);
    expect(readCellMarker(false).problems).toEqual([]);
    expect(readCellMarker(null).problems).toEqual([]);
  });

  it('passes messages through the translator with their arguments', () => {
    const seen: string[] = [];
    readCellMarker({ clock: 1 }, (text, ...args) => {
      seen.push(text);
      return noTranslation(text, ...args);
    });
    expect(seen).toContain('Option "clock" should be "virtual" or "real", got %1; ignored.');
  });
});

describe('readNotebookMarker', () => {
  it('recognises {"default": true}', () => {
    expect(readNotebookMarker({ default: true })).toEqual({ defaultCoroutine: true, problems: [] });
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
      expect.stringContaining('Unknown option "theme"'),
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
