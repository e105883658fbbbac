import { describe, expect, it } from 'vitest';
import { compareKey } from '../../renderer/src/app/keymap';
import { presentationKey } from '../../renderer/src/app/presentation-keys';
import { keyAction } from '../../renderer/src/player/keys';

describe('keys for lessons and the compare view', () => {
  it('] and [ jump to the next and previous bookmark, also while presenting', () => {
    expect([']', '['].map((key) => keyAction({ key }))).toEqual(['nextBookmark', 'prevBookmark']);
    expect([']', '['].map((key) => presentationKey({ key }, false))).toEqual([null, null]);
  });

  it('the compare view steps with the player keys, by time with Shift or J, and Esc leaves', () => {
    expect(
      ['ArrowRight', 'ArrowLeft', 'j', 'Home', 'End', 'Escape', 'x'].map((key) => compareKey({ key })),
    ).toEqual(['forward', 'back', 'nextTime', 'toStart', 'toEnd', 'close', null]);
    expect(compareKey({ key: 'ArrowRight', shiftKey: true })).toBe('nextTime');
    expect(compareKey({ key: 'ArrowLeft', shiftKey: true })).toBe('prevTime');
    expect(compareKey({ key: 'ArrowRight', ctrlKey: true })).toBeNull();
  });
});
