// How tokens fill a rect of a lane (layout.ts places the lanes): at full size in a grid while
// they fit, else as compact marks that shrink to fit, else as many marks as fit and a "+N more"
// count in the last row. Pure, like the rest of the layout.
import type { ActorId } from '../../../common/trace';
import type { Token } from '../player/snapshot';
import type { Label, Place, Rect } from './layout';

/** A token's size at scale 1 (its texture's). */
export const BASE_W = 190;
export const BASE_H = 40;
/** Marks are drawn from a MARK_BASE-sized texture. */
export const MARK_BASE = 10;

/** Sizes at a stage's scale (layout.ts metricsFor). */
export interface Metrics {
  pad: number;
  gap: number;
  title: number;
  header: number;
  tokenW: number;
  tokenH: number;
  mark: number;
  markGap: number;
}

/** Grid positions for n cells of (cw x ch) in a rect, row by row; null when they do not fit. */
export function grid(
  n: number,
  r: Rect,
  cw: number,
  ch: number,
  gap: number,
): { x: number; y: number }[] | null {
  const cols = Math.max(1, Math.floor((r.w + gap) / (cw + gap)));
  const rows = Math.floor((r.h + gap) / (ch + gap));
  if (n > cols * rows) return null;
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < n; i++)
    out.push({ x: r.x + (i % cols) * (cw + gap), y: r.y + Math.floor(i / cols) * (ch + gap) });
  return out;
}

function capacity(r: Rect, cw: number, ch: number, gap: number): number {
  return (
    Math.max(1, Math.floor((r.w + gap) / (cw + gap))) * Math.max(0, Math.floor((r.h + gap) / (ch + gap)))
  );
}

export function rowsNeeded(n: number, w: number, cw: number, gap: number): number {
  return Math.ceil(n / Math.max(1, Math.floor((w + gap) / (cw + gap))));
}

/** Marks shrink (down to 40%) so that n of them fill the rect before any is left out. */
export function markSize(n: number, r: Rect, m: Metrics): number {
  const fit = Math.floor(Math.sqrt((r.w * r.h) / Math.max(1, n)) - m.markGap);
  return Math.max(Math.ceil(m.mark * 0.4), Math.min(m.mark, fit));
}

/** Places tokens in a rect at full size, else as marks, else as many marks as fit. */
export function flow(
  tokens: Token[],
  r: Rect,
  m: Metrics,
  places: Map<ActorId, Place>,
  overflow: Label[],
  forceMarks = false,
  mark = 0,
): boolean {
  const full = forceMarks ? null : grid(tokens.length, r, m.tokenW, m.tokenH, m.gap);
  if (full) {
    tokens.forEach((t, i) => {
      const small = t.kind === 'callback';
      const s = (m.tokenW / BASE_W) * (small ? 0.72 : 1);
      const dy = small ? (m.tokenH - BASE_H * s) / 2 : 0;
      places.set(t.id, {
        x: full[i].x,
        y: full[i].y + dy,
        s,
        mode: small ? 'small' : 'normal',
        w: BASE_W * s,
        h: BASE_H * s,
      });
    });
    return false;
  }
  const size = mark || markSize(tokens.length, r, m);
  const cap = capacity(r, size, size, m.markGap);
  // When even marks overflow, the last row holds the "+N more" count instead.
  const shown =
    tokens.length > cap ? capacity({ ...r, h: r.h - m.header }, size, size, m.markGap) : tokens.length;
  const cells = grid(shown, r, size, size, m.markGap) ?? [];
  const s = size / MARK_BASE;
  for (let i = 0; i < cells.length; i++)
    places.set(tokens[i].id, { x: cells[i].x, y: cells[i].y, s, mode: 'mark', w: size, h: size });
  if (shown < tokens.length) {
    overflow.push({
      text: `+${tokens.length - shown} more`,
      x: r.x,
      y: r.y + r.h - m.header,
      w: r.w,
      h: m.header,
    });
  }
  return true;
}
