import { describe, expect, it } from 'vitest';
import {
  compareKey,
  keyAction,
  timelineKey,
  timelineStep,
  timelineTarget,
  TIMELINE_PAGE,
} from '../../renderer/src/app/keymap';
import { stepView } from '../../renderer/src/player/visibleSteps';

describe('the keymap', () => {
  it('a focused timeline is a slider: arrows step, Page keys move ten, Home and End go to the ends', () => {
    const keys = [
      'ArrowRight',
      'ArrowUp',
      'ArrowLeft',
      'ArrowDown',
      'PageDown',
      'PageUp',
      'Home',
      'End',
      'j',
      ' ',
    ];
    expect(keys.map((key) => timelineKey({ key }))).toEqual([
      { by: 1 },
      { by: 1 },
      { by: -1 },
      { by: -1 },
      { by: TIMELINE_PAGE },
      { by: -TIMELINE_PAGE },
      { to: 'start' },
      { to: 'end' },
      null,
      null,
    ]);
    // Shift+arrows stay the player's "next pass", whatever has focus.
    expect(timelineKey({ key: 'ArrowRight', shiftKey: true })).toBeNull();
    expect(keyAction({ key: 'ArrowRight', shiftKey: true })).toBe('nextIteration');
  });

  it('a timeline move lands inside the run', () => {
    expect(timelineTarget({ by: 10 }, 95, 100)).toBe(100);
    expect(timelineTarget({ by: -10 }, 3, 100)).toBe(0);
    expect(timelineTarget({ by: 1 }, 3, 100)).toBe(4);
    expect(timelineTarget({ to: 'end' }, 3, 100)).toBe(100);
    expect(timelineTarget({ to: 'start' }, 3, 100)).toBe(0);
  });

  it('a timeline move goes by shown steps: a hidden internal step is never where it stops', () => {
    // Shown: 0 1 2 3 4 5 7 9 11 13 15 17 26 (lesson 1 with internals hidden).
    const view = stepView(27, [0, 1, 2, 3, 4, 5, 7, 9, 11, 13, 15, 17, 26]);
    expect(timelineStep({ by: 1 }, view, 5)).toBe(7);
    expect(timelineStep({ by: -1 }, view, 7)).toBe(5);
    expect(timelineStep({ by: TIMELINE_PAGE }, view, 0)).toBe(15);
    expect(timelineStep({ by: -TIMELINE_PAGE }, view, 26)).toBe(2);
    expect(timelineStep({ to: 'end' }, view, 3)).toBe(26);
    expect(timelineStep({ to: 'start' }, view, 13)).toBe(0);
    // Every step shown: one step at a time.
    expect(timelineStep({ by: 1 }, stepView(27, null), 5)).toBe(6);
  });

  it('the compare view keeps its keys, now derived from the player map: every player key it used still works', () => {
    const cases: [Parameters<typeof compareKey>[0], string | null][] = [
      [{ key: 'PageDown' }, 'forward'],
      [{ key: 'PageUp' }, 'back'],
      [{ key: 'PageDown', shiftKey: true }, 'nextTime'],
      [{ key: 'J' }, 'nextTime'],
      [{ key: 'Escape', shiftKey: true }, 'close'],
      [{ key: 'Escape', ctrlKey: true }, null],
      [{ key: ' ' }, null],
      [{ key: ']' }, null],
      [{ key: 'Enter', ctrlKey: true }, null],
    ];
    for (const [e, want] of cases) expect(compareKey(e)).toBe(want);
  });
});
