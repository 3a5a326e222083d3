import { describe, expect, it } from 'vitest';
import { FrameLiveness } from '../../src/plugins/frame-liveness';

describe('FrameLiveness', () => {
  it('pings, waits for the answer, and calls the frame dead only after a ping has gone unanswered for the limit', () => {
    const live = new FrameLiveness(2_000, 0);
    expect(live.tick(500)).toBe('ping');
    expect(live.tick(1_000)).toBe('wait');
    expect(live.tick(2_499)).toBe('wait');
    expect(live.tick(2_500)).toBe('dead');
  });

  it('an answer (or any message) clears the ping, so a frame that answers never dies', () => {
    const live = new FrameLiveness(2_000, 0);
    for (let t = 500; t < 60_000; t += 500) {
      expect(live.tick(t)).toBe('ping');
      live.heard(t + 10);
    }
  });

  it('a late tick (a throttled background tab) is not silence: the ping sent then must go unanswered', () => {
    const live = new FrameLiveness(2_000, 0);
    expect(live.tick(500)).toBe('ping');
    live.heard(520);
    // The next tick comes a minute later: not dead, it pings again.
    expect(live.tick(60_500)).toBe('ping');
    expect(live.tick(61_500)).toBe('wait');
    expect(live.tick(62_500)).toBe('dead');
  });

  it('messages relayed from the worker count as signs of life even while a ping is out', () => {
    const live = new FrameLiveness(2_000, 0);
    expect(live.tick(500)).toBe('ping');
    live.heard(2_400);
    expect(live.tick(2_600)).toBe('ping');
    expect(live.tick(4_000)).toBe('wait');
  });

  it('rejects a limit that is not a positive number, naming it', () => {
    expect(() => new FrameLiveness(0, 0)).toThrow(/limitMs must be a finite number > 0, got 0/);
    expect(() => new FrameLiveness(Number.NaN, 0)).toThrow(/limitMs/);
  });
});
