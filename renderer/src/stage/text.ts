// Fitting label text to the room it has, for the stage's canvas labels (BitmapText neither
// clips nor ellipsises). `truncate` counts characters (the tokens' own labels, one font at one
// size); `elide` cuts to a measured length (labels.ts) in the way that keeps a label useful.

export function truncate(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, Math.max(1, max - 1)) + '…';
}

/**
 * How a label is cut: `end` ("Timers, by dead…"), `middle` for names told apart by their end
 * ("ThreadPo…r-0_1"), or `{ keep: n }` to keep the last n characters whole (a group's count)
 * and cut the middle of the rest, whose last word often names the worker or peer
 * ("I/O: to_thread(shout) on…asyncio_2 (1)").
 */
export type Elide = 'end' | 'middle' | { keep: number };

/** Characters of a middle-elided name kept at its end (a worker's number). */
const MIDDLE_TAIL = 6;

/** The end a middle cut keeps: the last word when it is short enough, else a few characters. */
function tailOf(s: string, n: number): string {
  const word = s.slice(s.lastIndexOf(' ') + 1);
  const room = Math.floor(n * 0.45);
  if (s.includes(' ') && word.length <= room) return word;
  return s.slice(s.length - Math.min(MIDDLE_TAIL, Math.floor(n / 2)));
}

/** `s` cut to `n` of its characters plus an ellipsis (n < s.length), the way `how` says. */
export function elide(s: string, n: number, how: Elide = 'end'): string {
  if (n >= s.length) return s;
  if (how === 'end') return s.slice(0, Math.max(0, n)).trimEnd() + '…';
  const keep = how === 'middle' ? 0 : Math.min(how.keep, s.length);
  const main = s.slice(0, s.length - keep);
  const kept = s.slice(s.length - keep);
  const room = Math.max(0, Math.min(n, main.length - 1));
  const tail = tailOf(main, room);
  return main.slice(0, Math.max(0, room - tail.length)).trimEnd() + '…' + tail + kept;
}
