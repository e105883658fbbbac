// Draws the world strip (worldLayout.ts) into the stage's Pixi graphics: the Threads box's rows
// with their busy bars, the Network box's tracks and arrowheads, and the packets on them. Labels
// go through the renderer's own label pool (labels.ts), which fits each to its column.
import { Graphics } from 'pixi.js';
import { STAGE_MARKS } from '../player/colours';
import { Transition, type Pose } from './tween';
import type { Label } from './layout';
import type { Elide } from './text';
import type { WorldLayout } from './worldLayout';

/** Bytes in flight and busy threads: one colour apart from the tasks' own. */
export const WIRE = STAGE_MARKS.wire;
/** Draws a label in its column, cut the way `elide` says when it does not fit. */
export type DrawLabel = (label: Label, tint: number, elide?: Elide) => void;

export function drawWorld(
  w: WorldLayout | null,
  marks: Graphics,
  label: DrawLabel,
  ink: { text: number; muted: number },
): void {
  marks.clear();
  if (!w) return;
  const { text, muted } = ink;
  const fit = label;
  if (w.threads) {
    fit(w.threads.title, text);
    for (const r of w.threads.rows) {
      // Workers are told apart by the number at the end of their names (ThreadPoolExecutor-0_1).
      fit(r.name, text, 'middle');
      fit(r.job, r.progress >= 0 ? text : muted);
      marks.rect(r.bar.x, r.bar.y, r.bar.w, r.bar.h).fill({ color: muted, alpha: 0.25 });
      if (r.progress >= 0)
        marks.rect(r.bar.x, r.bar.y, r.bar.w * Math.max(0.02, r.progress), r.bar.h).fill(WIRE);
    }
    if (w.threads.more) fit(w.threads.more, muted);
  }
  if (w.network) {
    fit(w.network.title, text);
    for (const p of w.network.rows) {
      fit(p.from, muted, 'middle');
      fit(p.to, text, 'middle');
      fit(p.info, muted);
      // The track, and an arrowhead at the receiving end.
      marks
        .moveTo(p.x0, p.y)
        .lineTo(p.x1 + p.size, p.y)
        .stroke({ width: 1, color: muted, alpha: 0.6 });
      const tip = p.x1 + p.size;
      marks.poly([tip, p.y - p.size / 2, tip + p.size * 0.6, p.y, tip, p.y + p.size / 2]).fill(muted);
    }
    if (w.network.more) fit(w.network.more, muted);
  }
}

/** The packets at the transition's progress (pose.s is a packet's size). */
/** The packets on the Network box's tracks: each moves from where the last step drew it; new ones fade in. */
export class PacketLayer {
  readonly root = new Graphics();
  #poses = new Map<string, Pose>();

  motion(world: WorldLayout | null, motionMs: number): Transition<string> {
    const to = new Map<string, Pose>();
    for (const p of world?.network?.rows ?? []) to.set(p.key, { x: p.x, y: p.y, s: p.size, alpha: 1 });
    const from = new Map<string, Pose>();
    for (const [k, pose] of this.#poses) if (to.has(k)) from.set(k, pose);
    this.#poses = to;
    return new Transition(from, to, motionMs);
  }

  draw(tr: Transition<string>): void {
    const g = this.root.clear();
    for (const key of tr.to.keys()) {
      const p = tr.poseOf(key);
      if (p) g.rect(p.x - p.s / 2, p.y - p.s / 2, p.s, p.s).fill({ color: WIRE, alpha: p.alpha });
    }
  }

  clear(): void {
    this.root.clear();
    this.#poses.clear();
  }
}
