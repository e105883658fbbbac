// Fitting label text to the room it has, for the stage's canvas labels (BitmapText neither
// clips nor ellipsises). Character counts stand in for measuring: cheap, and close enough for
// the stage's one font.

export function truncate(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, Math.max(1, max - 1)) + '…';
}

/** Line height and average glyph width of the 15 px wrapped labels (the loop's note). */
const NOTE_LINE = 19;
const NOTE_CHAR = 8;

/** A wrapped label cut to the lines its lane has room for (a short lane on a small window). */
export function fitLines(l: { text: string; w: number; h?: number }): string {
  if (l.h === undefined) return l.text;
  const lines = Math.max(1, Math.floor(l.h / NOTE_LINE));
  return truncate(l.text, lines * Math.max(8, Math.floor(l.w / NOTE_CHAR)));
}
