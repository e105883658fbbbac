// The app's keymap in one place, as pure maps from a key event's fields to an action name, so
// every map is tested without a DOM. The player's keys (player/keys.ts) and the clicker keys
// while presenting (app/presentation-keys.ts) are re-exported from here; the compare view's
// and the focused timeline's keys are built on the player's so the vocabularies cannot drift.
import { keyAction, type KeyAction, type KeyInput } from '../player/keys';

export { keyAction, type KeyAction, type KeyInput } from '../player/keys';
export { presentationKey, type PresentationAction } from './presentation-keys';

/** Keys in the compare view: the player's stepping keys move the shared cursor. */
export type CompareAction = 'forward' | 'back' | 'nextTime' | 'prevTime' | 'toStart' | 'toEnd' | 'close';

/** The player's action -> the compare view's (the view steps by time where the player steps by pass). */
const COMPARE: Partial<Record<KeyAction, CompareAction>> = {
  forward: 'forward',
  back: 'back',
  nextIteration: 'nextTime',
  prevIteration: 'prevTime',
  nextClockJump: 'nextTime',
  start: 'toStart',
  end: 'toEnd',
};

export function compareKey(e: KeyInput): CompareAction | null {
  if (e.key === 'Escape' && !e.ctrlKey && !e.metaKey && !e.altKey) return 'close';
  const action = keyAction(e);
  return action ? (COMPARE[action] ?? null) : null;
}

/** A focused timeline is a slider over the steps: a move by some steps, or to an end. */
export type TimelineMove = { by: number } | { to: 'start' | 'end' };

/** PageUp / PageDown on the focused timeline move this many steps (a slider's larger step). */
export const TIMELINE_PAGE = 10;

/**
 * Keys on the focused timeline, as on any ARIA slider: ← ↓ / → ↑ one step, PageUp / PageDown
 * ten, Home / End. Anything else (Shift+→ for the next pass, J for the next clock jump, Space)
 * is left to the player's keys.
 */
export function timelineKey(e: KeyInput): TimelineMove | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return null;
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return { by: 1 };
    case 'ArrowLeft':
    case 'ArrowDown':
      return { by: -1 };
    case 'PageDown':
      return { by: TIMELINE_PAGE };
    case 'PageUp':
      return { by: -TIMELINE_PAGE };
    case 'Home':
      return { to: 'start' };
    case 'End':
      return { to: 'end' };
    default:
      return null;
  }
}

/** The step a timeline move lands on, within 0..last. */
export function timelineTarget(move: TimelineMove, step: number, last: number): number {
  const to = 'to' in move ? (move.to === 'start' ? 0 : last) : step + move.by;
  return Math.max(0, Math.min(last, to));
}
