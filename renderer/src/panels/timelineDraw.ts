// The timeline's canvas drawing as plain functions of (context, geometry, data): the task rows'
// spans, the time axis with its gridlines, and the row labels. Timeline.svelte decides when.
import type { PlayerModel } from '../player/model';
import { fitName } from '../../../common/taskNames';
import { cssColour } from '../player/colours';
import type { AxisTick } from '../player/timeAxis';
import type { Timeline } from '../player/timeline';
import type { TimelineInk } from './themeColours';

export interface TimelineGeometry {
  /** Where the plot starts (after the row labels) and how wide it is, CSS px. */
  left: number;
  plot: number;
  /** Height of the time axis band on top, and of a row. */
  axis: number;
  row: number;
  /** Font size of labels, px (larger while presenting). */
  font: number;
  width: number;
  height: number;
  scrollTop: number;
}

/** An I/O span this wide (px) or wider says "I/O" inside; a blocking call says "blocked". */
const IO_LABEL_MIN = 30;
const BLOCKED_LABEL_MIN = 56;

/** The rows [first, last) that are on screen. */
export function visibleRows(g: TimelineGeometry, count: number): [number, number] {
  const first = Math.max(0, Math.floor(g.scrollTop / g.row));
  return [first, Math.min(count, first + Math.ceil((g.height - g.axis) / g.row) + 1)];
}

/** Every visible row's spans, in full (the caller shows them only up to the cursor). */
export function drawSpans(
  ctx: CanvasRenderingContext2D,
  g: TimelineGeometry,
  tl: Timeline,
  model: PlayerModel,
  ink: TimelineInk,
): void {
  const X = (s: number) => g.left + tl.x[Math.min(s, tl.x.length - 1)] * g.plot;
  const stepW = (tl.stepShare * g.plot) / Math.max(1, tl.x.length - 1);
  const ROW = g.row;
  const [first, last] = visibleRows(g, tl.rows.length);
  ctx.font = `${g.font}px sans-serif`;
  ctx.textBaseline = 'middle';
  for (let r = first; r < last; r++) {
    const row = tl.rows[r];
    const y = g.axis + r * ROW - g.scrollTop;
    const colour = cssColour(model.info[row.actor]?.colour ?? 0xffffff);
    let runEnd = -1;
    for (let i = 0; i < row.from.length; i++) {
      const state = row.state[i];
      // A span right after a running one starts where that run was drawn to end, so a wait
      // that begins before a clock jump leaves no gap after the run.
      const x0 =
        i > 0 && row.state[i - 1] === 'running' && row.to[i - 1] === row.from[i] ? runEnd : X(row.from[i]);
      // A running span lasts its steps' share of the axis, not the clock jump that follows.
      const w =
        state === 'running' ? Math.max(3, (row.to[i] - row.from[i]) * stepW) : Math.max(1, X(row.to[i]) - x0);
      if (state === 'running') runEnd = x0 + w;
      const io = state === 'io';
      const blocked = state === 'blocked';
      const box = state === 'running' || state === 'ready' || io || blocked;
      // On a light ground pale task colours get a dark outline (ink.edge) so they stay visible.
      if (ink.edge && !box) {
        ctx.fillStyle = ink.edge;
        ctx.fillRect(x0, y + ROW / 2 - 2, w, 4);
      }
      ctx.fillStyle = colour;
      const [top, h] =
        state === 'running' || blocked ? [y + 2, ROW - 4] : io ? [y + 4, ROW - 8] : [y + 5, ROW - 10];
      if (state === 'running') ctx.fillRect(x0, top, w, h);
      else if (state === 'ready') {
        ctx.globalAlpha = 0.45;
        ctx.fillRect(x0, top, w, h);
        ctx.globalAlpha = 1;
      } else if (blocked) {
        // The loop held in a blocking call: a full-height band, one per call, labelled.
        ctx.globalAlpha = 0.55;
        ctx.fillRect(x0, top, Math.max(1, w - 1), h);
        ctx.globalAlpha = 1;
        if (w >= BLOCKED_LABEL_MIN) {
          ctx.fillStyle = ink.label;
          ctx.fillText('blocked', x0 + 4, y + ROW / 2);
        }
      } else if (io) {
        // A wait on a socket or a worker: a framed band labelled I/O, unlike a sleep's thin line.
        ctx.globalAlpha = 0.3;
        ctx.fillRect(x0, top, w, h);
        ctx.globalAlpha = 1;
        ctx.fillRect(x0, top, w, 1);
        ctx.fillRect(x0, top + h - 1, w, 1);
        if (w >= IO_LABEL_MIN) {
          ctx.fillStyle = ink.label;
          ctx.fillText('I/O', x0 + 4, y + ROW / 2);
        }
      } else ctx.fillRect(x0, y + ROW / 2 - 1, w, 2);
      if (ink.edge && box) {
        ctx.strokeStyle = ink.edge;
        ctx.lineWidth = 1;
        ctx.strokeRect(x0 + 0.5, top + 0.5, Math.max(0, w - 1), h - 1);
      }
    }
  }
}

/** The axis band: "t (s)", each tick's label and a faint gridline down through the rows. */
export function drawAxis(
  ctx: CanvasRenderingContext2D,
  g: TimelineGeometry,
  ticks: readonly AxisTick[],
  ink: TimelineInk,
  labelLeft: (t: AxisTick) => number,
): void {
  ctx.font = `${g.font}px sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = ink.muted;
  ctx.fillText('time (s)', 4, g.axis / 2);
  for (const t of ticks) {
    ctx.fillStyle = ink.label;
    ctx.fillText(t.label, labelLeft(t), g.axis / 2);
    ctx.fillStyle = ink.muted;
    ctx.globalAlpha = 0.35;
    ctx.fillRect(Math.round(t.x), g.axis - 4, 1, g.height - g.axis + 4);
    ctx.globalAlpha = 1;
  }
  ctx.fillRect(0, g.axis - 1, g.width, 1);
}

/** Row labels, only for tasks that exist by `step` (a task not yet created is not named yet). */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  g: TimelineGeometry,
  tl: Timeline,
  model: PlayerModel,
  step: number,
  ink: TimelineInk,
): void {
  const [first, last] = visibleRows(g, tl.rows.length);
  ctx.font = `${g.font}px sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = ink.label;
  const chars = Math.max(6, Math.floor((g.left - 8) / (g.font * 0.6)));
  for (let r = first; r < last; r++) {
    const row = tl.rows[r];
    if ((row.from[0] ?? 0) > step) continue;
    const y = g.axis + r * g.row - g.scrollTop;
    ctx.fillText(fitName(model.info[row.actor]?.label ?? '', chars), 4, y + g.row / 2);
  }
}
