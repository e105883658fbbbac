// Where to put the window at start: the saved bounds, if enough of the window would land on a
// display that still exists (monitors get unplugged between sessions); otherwise the default.
import type { WindowBounds } from '../../common/apiTypes';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A title bar's worth of the window must be reachable to drag it back. */
const MIN_VISIBLE_WIDTH = 120;
const MIN_VISIBLE_HEIGHT = 40;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

export function restorableBounds(
  saved: WindowBounds | null,
  workAreas: readonly Rect[],
): WindowBounds | null {
  if (saved === null) return null;
  const visible = workAreas.some((area) => {
    const o = overlap(saved, area);
    return o.width >= MIN_VISIBLE_WIDTH && o.height >= MIN_VISIBLE_HEIGHT;
  });
  return visible ? saved : null;
}
