// Keys in the compare view, as a pure map: the player's stepping keys move the shared cursor.
export type CompareAction = 'forward' | 'back' | 'nextTime' | 'prevTime' | 'toStart' | 'toEnd' | 'close';

export function compareKey(e: {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}): CompareAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'Escape':
      return 'close';
    case 'ArrowRight':
    case 'PageDown':
      return e.shiftKey ? 'nextTime' : 'forward';
    case 'ArrowLeft':
    case 'PageUp':
      return e.shiftKey ? 'prevTime' : 'back';
    case 'j':
    case 'J':
      return 'nextTime';
    case 'Home':
      return 'toStart';
    case 'End':
      return 'toEnd';
    default:
      return null;
  }
}
