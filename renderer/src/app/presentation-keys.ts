// Presentation-mode keys, as a pure function: a key event's fields in, an action out.
//
// Usage: the DesktopController listens on window (capture phase) while presenting and calls
//   presentationKey(event, blanked)
// Next: PageDown, →, ↓, Space, Enter, N. Previous: PageUp, ←, ↑, Backspace, Shift+Space, P.
// First/last: Home/End. Blank: B or . (also / , a Logitech presenter's blank button), any key
// brings the screen back. Esc leaves (and unblanks). F5 while presenting does nothing: a
// clicker's start/stop button sends F5 then Esc. Other keys fall through to the app.
export type PresentationAction =
  'next' | 'prev' | 'first' | 'last' | 'blank' | 'unblank' | 'leave' | 'swallow';

export interface PresentationKeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  repeat?: boolean;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

export function presentationKey(e: PresentationKeyInput, blanked: boolean): PresentationAction | null {
  if (MODIFIER_KEYS.has(e.key)) return null;
  if (e.key === 'Escape') return 'leave';
  if (blanked) return 'unblank';
  // Keep the app's own shortcuts (Ctrl+S, Ctrl+plus, …).
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'PageDown':
    case 'ArrowRight':
    case 'ArrowDown':
    case 'Enter':
    case 'n':
    case 'N':
      return 'next';
    case ' ':
      return e.shiftKey ? 'prev' : 'next';
    case 'PageUp':
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'Backspace':
    case 'p':
    case 'P':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'b':
    case 'B':
    case '.':
    case '/':
      return e.repeat ? 'swallow' : 'blank';
    case 'F5':
      return 'swallow';
    default:
      return null;
  }
}
