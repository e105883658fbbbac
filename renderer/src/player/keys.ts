// Keyboard map for the player (also the clicker keys a presenter uses). Pure: a key event's
// fields in, an action name out, so the map is tested without a DOM.
export type KeyAction =
  | 'forward'
  | 'back'
  | 'toggle'
  | 'start'
  | 'end'
  | 'nextIteration'
  | 'prevIteration'
  | 'nextClockJump'
  | 'nextOfSelected'
  | 'faster'
  | 'slower'
  | 'internals'
  | 'motion'
  | 'nextBookmark'
  | 'prevBookmark'
  | 'inspector'
  | 'run';

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export function keyAction(e: KeyInput): KeyAction | null {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') return 'run';
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowRight':
    case 'PageDown':
      return e.shiftKey ? 'nextIteration' : 'forward';
    case 'ArrowLeft':
    case 'PageUp':
      return e.shiftKey ? 'prevIteration' : 'back';
    case ' ':
      return 'toggle';
    case 'Home':
      return 'start';
    case 'End':
      return 'end';
    case '+':
    case '=':
      return 'faster';
    case '-':
    case '_':
      return 'slower';
    case 'j':
    case 'J':
      return 'nextClockJump';
    case 'n':
    case 'N':
      return 'nextOfSelected';
    case 'i':
    case 'I':
      return 'internals';
    case 'm':
    case 'M':
      return 'motion';
    case 't':
    case 'T':
      return 'inspector';
    // A lesson's bookmarks (free in presentation mode too: its keys leave brackets alone).
    case ']':
      return 'nextBookmark';
    case '[':
      return 'prevBookmark';
    default:
      return null;
  }
}
