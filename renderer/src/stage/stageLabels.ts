// The stage's words for one layout: lane titles, waiting-group headers, "+N more", the head
// marker, the loop's note and the world strip's labels, each fitted to its room by the label
// pool (labels.ts) at the layout's text scale (larger while presenting).
import type { StageLayout } from './layout';
import type { LabelPool } from './labels';
import type { Elide } from './text';
import type { DrawLabel } from './worldView';

/** Base sizes in CSS px at text scale 1. */
export const LABEL_SIZE = { title: 16, label: 12, note: 15 };
const HEAD_TEXT = '▶ next (head of the queue)';

/** Cut before a trailing count ("Waiting (12)", "Timers, by deadline (3)"), so the count stays. */
export function keepCount(text: string): Elide {
  const count = /\s\(\d[\d,]*\)$/.exec(text);
  return count ? { keep: count[0].length } : 'end';
}

export function drawStageLabels(
  pool: LabelPool,
  l: StageLayout,
  ink: { text: number; muted: number },
): DrawLabel {
  const k = l.textScale;
  const size = { title: LABEL_SIZE.title * k, label: LABEL_SIZE.label * k, note: LABEL_SIZE.note * k };
  const inset = 10 * k;
  for (const lane of l.lanes)
    pool.add({
      text: lane.title,
      x: lane.x + inset,
      y: lane.y + 7 * k,
      w: lane.w - 2 * inset,
      size: size.title,
      bold: true,
      tint: ink.text,
      elide: keepCount(lane.title),
    });
  for (const h of l.headers)
    pool.add({ ...h, y: h.y + 2 * k, size: size.label, tint: ink.muted, elide: keepCount(h.text) });
  for (const o of l.overflow) pool.add({ ...o, y: o.y + 2 * k, size: size.label, tint: ink.text });
  const ready = l.lanes[0];
  if (l.head && ready) {
    const w = ready.x + ready.w - l.head.x - (l.head.x - ready.x);
    pool.add({ text: HEAD_TEXT, x: l.head.x, y: l.head.y + 2 * k, w, size: size.label, tint: ink.text });
  }
  const note = l.loopNote;
  pool.add({ ...note, h: Math.max(size.note * 1.3, note.h ?? 0), size: size.note, tint: ink.text });
  // The world strip draws its labels through the same pool, at the same scale.
  return (lb, tint, elide) =>
    pool.add({ ...lb, y: lb.y + 2 * k, size: size.label, tint, elide: elide ?? keepCount(lb.text) });
}
