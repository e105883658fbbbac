// Layout maths for the stage: where each lane, header and token goes for a snapshot at a size.
// Pure (no Pixi), so it is unit-tested. Lanes are columns read left to right the way a task
// travels: Run queue -> Loop -> Waiting -> Done. A lane that cannot hold its tokens at full size
// switches to compact marks; one that cannot hold the marks shows "+N more" (tokenFlow.ts).
import type { ActorId } from '../../../common/trace';
import type { StageSnapshot } from '../player/snapshot';
import { groupHeights } from './groupHeights';
import { BASE_H, BASE_W, flow, markSize, rowsNeeded, type Metrics } from './tokenFlow';
import { layoutWorld, worldHeight, type WorldLayout } from './worldLayout';

export const LANE_KEYS = ['ready', 'loop', 'waiting', 'done'] as const;
export type LaneKey = (typeof LANE_KEYS)[number];
export const LANE_SHARE: Record<LaneKey, number> = { ready: 0.24, loop: 0.24, waiting: 0.3, done: 0.22 };
/** The running token is drawn this much larger than the others (when the Loop lane allows). */
export const RUNNING_SCALE = 1.5;
/** While presenting, labels are this much larger again than the stage's scale makes them. */
export const PRESENTING_TEXT = 1.15;
/** The Loop lane always fits the running token at least this much larger. */
const MIN_RUNNING_SCALE = 1.2;
const LANE_TITLES: Record<LaneKey, string> = {
  ready: 'Run queue',
  loop: 'Loop',
  waiting: 'Waiting',
  done: 'Done',
};

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LaneBox extends Rect {
  key: LaneKey;
  title: string;
  compact: boolean;
}

export type PlaceMode = 'normal' | 'small' | 'big' | 'mark';

export interface Place {
  /** Top-left corner and uniform scale relative to the base size of its mode. */
  x: number;
  y: number;
  s: number;
  mode: PlaceMode;
  w: number;
  h: number;
}

export interface Label {
  text: string;
  x: number;
  y: number;
  w: number;
  /** The height it takes (headers and counts: one line); for wrapped text: the height it may
   * take before it would leave its lane. */
  h?: number;
}

export interface StageLayout {
  width: number;
  height: number;
  lanes: LaneBox[];
  places: Map<ActorId, Place>;
  headers: Label[];
  overflow: Label[];
  head: { x: number; y: number } | null;
  loopNote: Label;
  tokenW: number;
  tokenH: number;
  /** Threads and bytes in flight, in a strip under the lanes (null: the run has neither). */
  world: WorldLayout | null;
  /** How much larger than their base sizes the labels are drawn (1, or the stage's scale while presenting). */
  textScale: number;
}

export function metricsFor(width: number, height: number, uiScale = 1): Metrics {
  const s = Math.max(0.6, Math.min(2, uiScale * Math.min(width / 820, height / 380)));
  const pad = 10 * s;
  const narrowest =
    Math.min(...LANE_KEYS.filter((k) => k !== 'loop').map((k) => LANE_SHARE[k] * width)) - 2 * pad;
  const loopInner = LANE_SHARE.loop * width - 2 * pad;
  const tokenW = Math.max(40, Math.min(BASE_W * s, narrowest, loopInner / MIN_RUNNING_SCALE));
  return {
    pad,
    gap: 6 * s,
    title: 30 * s,
    header: 20 * s,
    tokenW,
    tokenH: (tokenW * BASE_H) / BASE_W,
    mark: 10 * s,
    markGap: 3 * s,
  };
}

/** The lanes' height: the whole stage, less the world strip when the run has one. */
export function lanesHeight(snap: StageSnapshot, width: number, height: number, uiScale = 1): number {
  return height - worldHeight(snap.world, height, metricsFor(width, height, uiScale).pad / 10);
}

/**
 * `scaleText` (presentation mode): the labels grow with the stage as its spacing does, so a
 * projected stage reads from the back of the room; otherwise they keep their base sizes.
 */
export function layoutStage(
  snap: StageSnapshot,
  width: number,
  fullHeight: number,
  uiScale = 1,
  scaleText = false,
): StageLayout {
  const height = lanesHeight(snap, width, fullHeight, uiScale);
  const m = metricsFor(width, height, uiScale);
  const textScale = scaleText ? Math.max(1, m.pad / 10) * PRESENTING_TEXT : 1;
  const places = new Map<ActorId, Place>();
  const headers: Label[] = [];
  const overflow: Label[] = [];
  const lanes: LaneBox[] = [];
  let x = 0;
  for (const key of LANE_KEYS) {
    const w = LANE_SHARE[key] * width;
    lanes.push({ key, title: LANE_TITLES[key], x, y: 0, w, h: height, compact: false });
    x += w;
  }
  const inner = (l: LaneBox): Rect => ({
    x: l.x + m.pad,
    y: l.y + m.title + m.pad,
    w: l.w - 2 * m.pad,
    h: l.h - m.title - 2 * m.pad,
  });
  const [readyLane, loopLane, waitLane, doneLane] = lanes;

  readyLane.title = `Run queue (${snap.ready.length})`;
  const readyRect = inner(readyLane);
  // Room for the "next" marker above the head.
  readyRect.y += m.header;
  readyRect.h -= m.header;
  readyLane.compact = flow(snap.ready, readyRect, m, places, overflow);
  const headPlace = snap.ready[0] ? places.get(snap.ready[0].id) : undefined;
  const head = headPlace ? { x: headPlace.x, y: headPlace.y - m.header } : null;

  const loopRect = inner(loopLane);
  const loopNote: Label = {
    text: snap.loopNote,
    x: loopRect.x,
    y: loopRect.y + loopRect.h * 0.55,
    w: loopRect.w,
  };
  if (snap.running) {
    const big = Math.min(RUNNING_SCALE, loopRect.w / m.tokenW);
    const s = (m.tokenW / BASE_W) * big;
    const w = BASE_W * s;
    const h = BASE_H * s;
    places.set(snap.running.id, {
      x: loopRect.x + (loopRect.w - w) / 2,
      y: loopRect.y + loopRect.h * 0.3,
      s,
      mode: 'big',
      w,
      h,
    });
    loopNote.y = loopRect.y + loopRect.h * 0.3 + h + m.gap * 2;
  }
  loopNote.h = loopRect.y + loopRect.h - loopNote.y;

  const waitCount = snap.waiting.reduce((n, g) => n + g.tokens.length, 0);
  waitLane.title = `Waiting (${waitCount})`;
  const wr = inner(waitLane);
  const needed = snap.waiting.reduce(
    (h, g) => h + m.header + rowsNeeded(g.tokens.length, wr.w, m.tokenW, m.gap) * (m.tokenH + m.gap),
    0,
  );
  const marks = needed > wr.h;
  waitLane.compact = marks;
  // One mark size for every group, from the room left after their headers.
  const mark = markSize(
    waitCount,
    { ...wr, h: Math.max(1, wr.h - snap.waiting.length * (m.header + m.gap)) },
    m,
  );
  const cw = marks ? mark : m.tokenW;
  const gap = marks ? m.markGap : m.gap;
  const rowH = marks ? mark + gap : m.tokenH + gap;
  // Groups share the lane (groupHeights.ts): each keeps its title, none pushes another out.
  const { bodies, shown } = groupHeights(
    snap.waiting.map((g) => ({ body: rowsNeeded(g.tokens.length, wr.w, cw, gap) * rowH })),
    wr.h,
    m.header,
    m.gap,
    m.header,
  );
  let y = wr.y;
  for (let i = 0; i < shown; i++) {
    const g = snap.waiting[i];
    headers.push({ text: `${g.title} (${g.tokens.length})`, x: wr.x, y, w: wr.w, h: m.header });
    y += m.header;
    flow(g.tokens, { x: wr.x, y, w: wr.w, h: bodies[i] }, m, places, overflow, marks, mark);
    y += bodies[i] + m.gap;
  }
  const rest = snap.waiting.slice(shown);
  if (rest.length > 0) {
    const n = rest.reduce((k, g) => k + g.tokens.length, 0);
    overflow.push({
      text: rest.length === 1 ? `+${n} in ${rest[0].title}` : `+${n} in ${rest.length} more groups`,
      x: wr.x,
      y: wr.y + wr.h - m.header,
      w: wr.w,
      h: m.header,
    });
  }

  doneLane.title = `Done (${snap.done.length})`;
  doneLane.compact = flow(snap.done, inner(doneLane), m, places, overflow);
  const world = layoutWorld(
    snap.world,
    { x: 0, y: height, w: width, h: fullHeight - height },
    metricsFor(width, fullHeight, uiScale).pad / 10,
    textScale,
  );
  return {
    width,
    height: fullHeight,
    lanes,
    places,
    headers,
    overflow,
    head,
    loopNote,
    tokenW: m.tokenW,
    tokenH: m.tokenH,
    world,
    textScale,
  };
}
