// Keyboard movement in the lesson list (the WAI-ARIA list pattern: arrows, Home, End). Pure, so
// it is tested without a DOM; Enter and Space are the buttons' own and pick a lesson.

/** The index to focus after `key`, or null when the key is not the list's. */
export function nextFocus(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
