// The animated export's pure parts: the ranges offered, what the dialog refuses, frame timing
// and sizes, and the narration band's line breaking.
import { describe, expect, it } from 'vitest';
import { frameSize, wrap } from '../../renderer/src/animation/compose';
import {
  frameMs,
  MAX_FRAMES,
  problemWith,
  rangeChoices,
  type AnimationChoice,
} from '../../renderer/src/animation/range';

const ok: AnimationChoice = { format: 'gif', from: 0, to: 26, width: 960, speed: 1, burnIn: true };

describe('animation ranges', () => {
  it('offer the whole run, from here, and bookmark to bookmark in step order', () => {
    const ranges = rangeChoices(26, 8, [
      { step: 16, label: 'b' },
      { step: 4, label: 'a' },
      { step: 26, label: 'end' },
      { step: 40, label: 'beyond' },
    ]);
    expect(ranges.map((r) => [r.from, r.to])).toEqual([
      [0, 26],
      [8, 26],
      [0, 4],
      [4, 16],
      [16, 26],
    ]);
    expect(ranges[3].label).toBe('a → b');
  });

  it('leave out "from here" at the start and the end, and empty bookmark spans', () => {
    expect(rangeChoices(10, 0, [{ step: 0, label: 'x' }]).map((r) => r.label)).toEqual([
      'The whole run (steps 0–10)',
    ]);
    expect(rangeChoices(10, 10, []).length).toBe(1);
  });

  it('refuse what cannot be made, saying why', () => {
    expect(problemWith(ok, 26)).toBeNull();
    expect(problemWith({ ...ok, to: 27 }, 26)).toBe('Steps run from 0 to 26.');
    expect(problemWith({ ...ok, from: 5, to: 4 }, 26)).toBe('The last step comes before the first.');
    expect(problemWith({ ...ok, from: 1.5 }, 26)).toBe('Steps are whole numbers.');
    expect(problemWith({ ...ok, to: MAX_FRAMES }, 10_000)).toMatch(/at most 1500/);
    expect(problemWith({ ...ok, width: 777 }, 26)).toMatch(/Widths offered/);
    expect(problemWith({ ...ok, speed: 3 }, 26)).toMatch(/Speeds offered/);
  });

  it('show each step as long as the player does, in GIF-able hundredths', () => {
    expect([frameMs(0.5), frameMs(1), frameMs(2), frameMs(4)]).toEqual([1800, 900, 450, 230]);
  });
});

describe('frames', () => {
  it('are even-sized, keep the stage shape and add a band when burned in', () => {
    expect(frameSize({ width: 1000, height: 600 }, 640, true)).toEqual({ width: 640, height: 438, band: 54 });
    expect(frameSize({ width: 1000, height: 601 }, 641, false)).toEqual({ width: 642, height: 386, band: 0 });
  });

  it('wrap narration into two lines at most, the last cut with an ellipsis', () => {
    const measure = (s: string) => s.length;
    expect(wrap('a b c', 10, measure)).toEqual(['a b c']);
    expect(wrap('one two three four five six', 9, measure)).toEqual(['one two', 'three…']);
    expect(wrap('averyveryverylongword x', 5, measure)).toEqual(['averyveryverylongword', 'x']);
    expect(wrap('', 5, measure)).toEqual([]);
  });
});
