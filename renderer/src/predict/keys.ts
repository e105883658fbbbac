// Predict mode's keys, as a pure function: Q turns predict mode on or off; while a question
// waits, 1-4 (or A-D, except while presenting, where B blanks the screen) answer it and Esc
// skips it. Keys typed in the editor or a form field are never taken.
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

/** Keys in the editor or a form field belong to it. */
export function typingTarget(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('.cm-editor, select, textarea, input:not([type=range]):not([type=checkbox])');
}
