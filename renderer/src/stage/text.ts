// Fitting label text to the room it has, for the stage's canvas labels (BitmapText neither
// clips nor ellipsises). `truncate` counts characters (the tokens' own labels, one font at one
// size); `elide` cuts to a measured length (labels.ts) in the way that keeps a label useful.

export function truncate(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, Math.max(1, max - 1)) + '…';
}

/**
 * How a label is cut: `end` ("Timers, by dead…"), `middle` for names told apart by their end
 * ("ThreadPo…-0_1"), or `{ keep: n }` to cut before the last n characters (a group's count:
 * "Awaiting: asyncio.ga… (3)").
 */
export type Elide = 'end' | 'middle' | { keep: number };

/** Characters of a middle-elided name kept at its end (a worker's number). */
const MIDDLE_TAIL = 6;

/** `s` cut to `n` of its characters plus an ellipsis (n < s.length), the way `how` says. */
export function elide(s: string, n: number, how: Elide = 'end'): string {
  if (n >= s.length) return s;
  if (how === 'middle') {
    const tail = Math.min(MIDDLE_TAIL, Math.floor(n / 2));
    return s.slice(0, n - tail).trimEnd() + '…' + s.slice(s.length - tail);
  }
  const keep = how === 'end' ? 0 : Math.min(how.keep, s.length);
  const main = s.slice(0, s.length - keep);
  const kept = s.slice(s.length - keep);
  return main.slice(0, Math.max(0, Math.min(n, main.length - 1))).trimEnd() + '…' + kept;
}
