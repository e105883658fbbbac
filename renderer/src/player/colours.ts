// Task colours: the Okabe-Ito palette (colour-blind safe), black swapped for a light grey so it
// reads on the dark stage. A task keeps its colour for the whole run: it is picked by the
// task's order of creation, never by its lane.

export const PALETTE = [
  0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7, 0xbbbbbb,
] as const;

/** Colour for the n-th task (0-based creation order among tasks). */
export function taskColour(n: number): number {
  return PALETTE[((n % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** Plain callbacks are neutral so tasks stay the focus. */
export const CALLBACK_COLOUR = 0x9aa3b2;

export function cssColour(c: number): string {
  return '#' + c.toString(16).padStart(6, '0');
}
