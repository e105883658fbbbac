// Layout maths for the stage's world strip (under the lanes, for runs that use worker threads or
// the network): a Threads box with one row per worker and the job it runs, and a Network box
// with one row per message in flight, a packet on a track from its sender to its receiver.
// Pure (no Pixi), unit-tested like layout.ts. Rows that do not fit are summed in a last row.
import { formatTime } from '../player/snapshot';
import { formatBytes, type WorldSnapshot } from '../player/world';
import type { Label, Rect } from './layout';

/** The most of the stage's height the strip takes; it is as tall as its busiest moment needs. */
export const WORLD_SHARE = 0.3;
const PAD = 10;
const TITLE = 26;
const ROW = 20;

/** The strip's height for a stage of `height` at `scale` (0: the run has no world). */
export function worldHeight(w: WorldSnapshot | null, height: number, scale: number): number {
  if (!w || (!w.threadsEver && !w.networkEver)) return 0;
  const m = worldMetrics(scale);
  const need = m.title + Math.max(1, w.rowsEver) * m.row + m.pad;
  return Math.ceil(Math.min(height * WORLD_SHARE, need));
}
/** Share of the strip's width the Threads box takes when both boxes are shown. */
const THREADS_SHARE = 0.36;

export interface ThreadRowPlace {
  name: Label;
  job: Label;
  /** The busy bar's full extent; `progress` of it is filled (-1: idle, drawn empty). */
  bar: Rect;
  progress: number;
}

export interface PacketPlace {
  key: string;
  from: Label;
  to: Label;
  info: Label;
  /** The track's ends (the packet travels from x0 to x1) and its centre line. */
  x0: number;
  x1: number;
  y: number;
  /** Where the packet is now (its centre). */
  x: number;
  size: number;
}

export interface WorldLayout {
  rect: Rect;
  threads: { box: Rect; title: Label; rows: ThreadRowPlace[]; more: Label | null } | null;
  network: { box: Rect; title: Label; rows: PacketPlace[]; more: Label | null } | null;
}

interface WorldMetrics {
  pad: number;
  title: number;
  row: number;
}

/** Rows never shrink below the 12 px labels they hold (MIN_ROW), whatever the stage's scale. */
const MIN_ROW = 16;
function worldMetrics(scale: number): WorldMetrics {
  return {
    pad: Math.max(6, PAD * scale),
    title: Math.max(20, TITLE * scale),
    row: Math.max(MIN_ROW, ROW * scale),
  };
}

/** How many rows fit under a title, keeping the last for "+N more" when they do not all fit. */
function rowsThatFit(n: number, box: Rect, m: WorldMetrics): number {
  // (A hair of slack: the strip's height is rounded to whole pixels.)
  const room = Math.max(0, Math.floor((box.h - m.title - m.pad) / m.row + 0.05));
  return n <= room ? n : Math.max(0, room - 1);
}

/** Average glyph width of the strip's 12 px labels, to size the name column to the names. */
const CHAR_W = 7;
/** The name column's share of the Threads box: at least the first, at most the second. */
const NAME_SHARE = [0.3, 0.45] as const;

function threadsBox(
  w: WorldSnapshot,
  box: Rect,
  m: WorldMetrics,
  textScale: number,
): NonNullable<WorldLayout['threads']> {
  const busy = w.threads.filter((t) => t.progress >= 0).length + w.busyMore;
  const total = w.threads.length + w.threadsMore;
  const x = box.x + m.pad;
  const inner = box.w - 2 * m.pad;
  const title = { text: `Threads (${total}, ${busy} busy)`, x, y: box.y + m.pad / 2, w: inner };
  const shown = rowsThatFit(w.threads.length, box, m);
  // Wide enough for the longest name (ThreadPoolExecutor-0_12) when the box allows.
  const longest = Math.max(0, ...w.threads.map((t) => t.thread.length));
  const nameW = Math.min(
    inner * NAME_SHARE[1],
    Math.max(inner * NAME_SHARE[0], longest * CHAR_W * textScale + m.pad),
  );
  const rows = w.threads.slice(0, shown).map((t, i) => {
    const y = box.y + m.title + i * m.row;
    return {
      name: { text: t.thread, x, y, w: nameW - m.pad },
      job: { text: t.job ? `${t.job}  ${t.detail}` : t.detail, x: x + nameW, y, w: inner - nameW },
      bar: { x: x + nameW, y: y + m.row * 0.72, w: inner - nameW, h: Math.max(2, m.row * 0.16) },
      progress: t.progress,
    };
  });
  const rest = total - shown;
  const more =
    rest > 0 ? { text: `+${rest} more threads`, x, y: box.y + m.title + shown * m.row, w: inner } : null;
  return { box, title, rows, more };
}

function networkBox(w: WorldSnapshot, box: Rect, m: WorldMetrics): NonNullable<WorldLayout['network']> {
  const total = w.packets.length + w.packetsMore;
  const x = box.x + m.pad;
  const inner = box.w - 2 * m.pad;
  const landed = w.packets.filter((p) => p.arrived).length;
  const title = {
    text: `Network: messages in flight (${total - landed})${landed ? `, ${landed} just arrived` : ''}`,
    x,
    y: box.y + m.pad / 2,
    w: inner,
  };
  const shown = rowsThatFit(w.packets.length, box, m);
  // Columns: sender | track | receiver (and who reads it) | size and arrival.
  const fromW = inner * 0.21;
  const trackW = inner * 0.19;
  const toW = inner * 0.34;
  const size = Math.max(6, m.row * 0.45);
  const rows = w.packets.slice(0, shown).map((p, i) => {
    const y = box.y + m.title + i * m.row;
    const x0 = x + fromW + size / 2;
    const x1 = x + fromW + trackW - 2 * size;
    return {
      key: p.key,
      from: { text: p.from, x, y, w: fromW - m.pad / 2 },
      to: {
        text: p.reader ? `${p.to} (${p.reader})` : p.to,
        x: x + fromW + trackW + m.pad / 2,
        y,
        w: toW - m.pad,
      },
      info: {
        text: `${formatBytes(p.bytes)} ${p.arrived ? 'at' : '→'} t=${formatTime(p.arrives)}`,
        x: x + fromW + trackW + toW,
        y,
        w: inner - fromW - trackW - toW,
      },
      x0,
      x1,
      y: y + m.row / 2,
      x: x0 + (x1 - x0) * p.progress,
      size,
    };
  });
  const restN = total - shown;
  const restBytes = w.bytesMore + w.packets.slice(shown).reduce((n, p) => n + p.bytes, 0);
  const more =
    restN > 0
      ? {
          text: `+${restN} more in flight (${formatBytes(restBytes)})`,
          x,
          y: box.y + m.title + shown * m.row,
          w: inner,
        }
      : null;
  return { box, title, rows, more };
}

/** The strip in `rect` (the stage's bottom WORLD_SHARE), or null when the run has no world. */
export function layoutWorld(
  w: WorldSnapshot | null,
  rect: Rect,
  scale: number,
  textScale = 1,
): WorldLayout | null {
  if (!w || (!w.threadsEver && !w.networkEver)) return null;
  const m = worldMetrics(scale);
  const both = w.threadsEver && w.networkEver;
  const tw = both ? rect.w * THREADS_SHARE : w.threadsEver ? rect.w : 0;
  return {
    rect,
    threads: w.threadsEver ? threadsBox(w, { ...rect, w: tw }, m, textScale) : null,
    network: w.networkEver
      ? networkBox(w, { x: rect.x + tw, y: rect.y, w: rect.w - tw, h: rect.h }, m)
      : null,
  };
}
