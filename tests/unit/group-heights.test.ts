// The Waiting lane with one huge group and a small one (ten thousand sleepers and main awaiting
// the gather): every label keeps its own line, no token leaves its lane or covers a label, and
// the small group is shown whole (stage/groupHeights.ts, stage/layout.ts).
import { describe, expect, it } from 'vitest';
import { syntheticTrace } from '../e2e/fixtures/synthetic';
import { buildModel } from '../../renderer/src/player/model';
import { snapshotAt } from '../../renderer/src/player/snapshot';
import { groupHeights } from '../../renderer/src/stage/groupHeights';
import { layoutStage, type Label, type Rect } from '../../renderer/src/stage/layout';

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const box = (l: Label): Rect => ({ x: l.x, y: l.y, w: l.w, h: l.h ?? 0 });

describe('groupHeights', () => {
  it('gives every group all it needs when all fit', () => {
    expect(groupHeights([{ body: 30 }, { body: 10 }], 100, 20, 5, 20)).toEqual({
      bodies: [30, 10],
      shown: 2,
    });
  });

  it('shows small groups whole and lets the big ones share the rest', () => {
    // room 200: titles 3 x 20, gaps 3 x 5 -> 125 left for bodies of 1000, 10 and 500.
    const { bodies, shown } = groupHeights([{ body: 1000 }, { body: 10 }, { body: 500 }], 200, 20, 5, 20);
    expect(shown).toBe(3);
    expect(bodies[1]).toBe(10);
    expect(bodies[0]).toBeCloseTo(57.5);
    expect(bodies[2]).toBeCloseTo(57.5);
    expect(bodies.reduce((a, b) => a + b, 0) + 3 * 25).toBeCloseTo(200);
  });

  it('shows only the groups that fit, keeping a line to count the others', () => {
    const { bodies, shown } = groupHeights(Array(10).fill({ body: 100 }), 200, 20, 5, 20);
    expect(shown).toBe(4); // 4 x (20 + 20 + 5) + 20 <= 200 < 5 x 45 + 20
    expect(bodies.slice(0, shown).reduce((a, b) => a + b, 0) + shown * 25 + 20).toBeLessThanOrEqual(200);
  });
});

describe('a huge Waiting lane', () => {
  const model = buildModel(syntheticTrace({ tasks: 10_000, rounds: 1, same: true }));
  const snap = snapshotAt(model, 10_001, { showInternals: false });

  it.each([
    [1400, 600],
    [900, 520],
    [700, 300],
  ])('at %dx%d: labels apart, tokens inside their lanes and off the labels, main shown', (w, h) => {
    expect(snap.waiting.map((g) => g.tokens.length)).toEqual([9999, 1]);
    const l = layoutStage(snap, w, h);
    const labels = [...l.headers, ...l.overflow];
    expect(labels.length).toBeGreaterThanOrEqual(3); // two titles and "+N more"
    for (const label of labels) expect(label.h).toBeGreaterThan(0);
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++) expect(overlap(box(labels[i]), box(labels[j]))).toBe(false);
    const waiting = l.lanes.find((x) => x.key === 'waiting')!;
    let inWaiting = 0;
    for (const [, p] of l.places) {
      if (p.x < waiting.x || p.x >= waiting.x + waiting.w) continue;
      inWaiting++;
      expect(p.y + p.h).toBeLessThanOrEqual(waiting.y + waiting.h);
      for (const label of labels) expect(overlap(p, box(label))).toBe(false);
    }
    expect(inWaiting).toBeGreaterThan(0);
    expect(l.places.has(1)).toBe(true);
    const more = l.overflow.find((o) => /^\+\d+ more$/.test(o.text))!;
    expect(Number(more.text.slice(1).split(' ')[0]) + inWaiting - 1).toBe(9999);
  });
});
