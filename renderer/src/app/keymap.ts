// The app's keymap in one place, as pure maps from a key event's fields to an action name, so
// every map is tested without a DOM. The player's keys (player/keys.ts) and the clicker keys
// while presenting (app/presentation-keys.ts) are re-exported from here; the compare view's
// and the focused timeline's keys are built on the player's so the vocabularies cannot drift.
// Predict mode's keys live here too, and `typingTarget` says for all of them whose key it is.
import { keyAction, type KeyAction, type KeyInput } from '../player/keys';
import type { StepView } from '../player/visibleSteps';

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

/** A focused timeline is a slider over the shown steps: a move by some, or to an end. */
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

/** The position (among the shown steps) a timeline move lands on, within 0..last. */
export function timelineTarget(move: TimelineMove, position: number, last: number): number {
  const to = 'to' in move ? (move.to === 'start' ? 0 : last) : position + move.by;
  return Math.max(0, Math.min(last, to));
}

/** The step a timeline move lands on: it moves by shown steps, so a hidden one is never a stop. */
export function timelineStep(move: TimelineMove, view: StepView, step: number): number {
  return view.at(timelineTarget(move, view.position(step), view.count - 1));
}

/**
 * Keys typed into the editor or a form field belong to it, not to any key map. The read-only
 * editor (presenting: panels/editor.ts marks it .cm-readonly) types nothing, so its keys are free.
 */
export function typingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.(
    '.cm-editor:not(.cm-readonly), select, textarea, input:not([type=range]):not([type=checkbox])',
  );
}

// Predict mode's keys: Q turns predict mode on or off; while a question waits, 1-4 (or A-D,
// except while presenting, where B blanks the screen) answer it and Esc skips it.
export type PredictKeyAction = { kind: 'toggle' } | { kind: 'answer'; index: number } | { kind: 'skip' };

export interface PredictKeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

const LETTERS = ['a', 'b', 'c', 'd'];

export function predictKey(
  e: PredictKeyInput,
  state: { asking: boolean; presenting: boolean; choices: number },
): PredictKeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (key === 'q') return { kind: 'toggle' };
  if (!state.asking) return null;
  if (key === 'escape' && !state.presenting) return { kind: 'skip' };
  const digit = Number(key);
  let index = Number.isInteger(digit) && key.length === 1 ? digit - 1 : -1;
  if (index < 0 && !state.presenting) index = LETTERS.indexOf(key);
  return index >= 0 && index < state.choices ? { kind: 'answer', index } : null;
}
