import { describe, expect, it } from 'vitest';
import { buildAbc } from '../e2e/fixtures/build';
import { syntheticTrace } from '../e2e/fixtures/synthetic';
import { buildModel } from '../../renderer/src/player/model';
import { snapshotAt } from '../../renderer/src/player/snapshot';
import { layoutStage } from '../../renderer/src/stage/layout';
import { grid } from '../../renderer/src/stage/tokenFlow';

const abc = buildModel(buildAbc());
const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('stage layout', () => {
  it('lays the lanes out left to right as a task travels and fills the width', () => {
    const l = layoutStage(snapshotAt(abc, 4, { showInternals: false }), 1000, 500);
    expect(l.lanes.map((lane) => lane.key)).toEqual(['ready', 'loop', 'waiting', 'done']);
    expect(l.lanes.reduce((w, lane) => w + lane.w, 0)).toBeCloseTo(1000);
  });

  it('puts every token inside its lane without overlapping another', () => {
    const snap = snapshotAt(abc, 2, { showInternals: true });
    const l = layoutStage(snap, 1200, 600);
    const places = [...l.places.values()];
    for (let i = 0; i < places.length; i++)
      for (let j = i + 1; j < places.length; j++) expect(overlap(places[i], places[j])).toBe(false);
    const lane = (key: string) => l.lanes.find((x) => x.key === key)!;
    for (const t of snap.ready) expect(l.places.get(t.id)!.x).toBeGreaterThanOrEqual(lane('ready').x);
    expect(l.places.get(snap.running!.id)!.x).toBeGreaterThanOrEqual(lane('loop').x);
  });

  it('draws the running task bigger than the others', () => {
    const snap = snapshotAt(abc, 2, { showInternals: false });
    const l = layoutStage(snap, 1200, 600);
    expect(l.places.get(snap.running!.id)!.s).toBeGreaterThan(l.places.get(snap.ready[0].id)!.s);
    expect(l.places.get(snap.running!.id)!.mode).toBe('big');
  });

  it('marks the head of the run queue above its first token', () => {
    const snap = snapshotAt(abc, 1, { showInternals: false });
    const l = layoutStage(snap, 1200, 600);
    const head = l.places.get(snap.ready[0].id)!;
    expect(l.head).toEqual({ x: head.x, y: expect.any(Number) });
    expect(l.head!.y).toBeLessThan(head.y);
  });

  it('turns a crowded lane into compact marks that all fit, with no "+N more"', () => {
    const m = buildModel(syntheticTrace({ tasks: 1000, rounds: 2, same: true }));
    const snap = snapshotAt(m, 1001, { showInternals: false });
    const l = layoutStage(snap, 900, 520);
    expect(l.lanes.find((x) => x.key === 'waiting')!.compact).toBe(true);
    // 999 sleeping workers and main awaiting the gather.
    expect([...l.places.values()].filter((p) => p.mode === 'mark').length).toBe(1000);
    expect(l.overflow).toEqual([]);
  });

  it('counts what does not fit even as marks', () => {
    const m = buildModel(syntheticTrace({ tasks: 5000, rounds: 1, same: true }));
    const l = layoutStage(snapshotAt(m, 5001, { showInternals: false }), 400, 200);
    expect(l.overflow.length).toBeGreaterThan(0);
    expect(l.overflow[0].text).toMatch(/^\+\d+ more$/);
  });

  it('reflows to a new size: tokens scale with the stage', () => {
    const snap = snapshotAt(abc, 1, { showInternals: false });
    const small = layoutStage(snap, 800, 400);
    const big = layoutStage(snap, 1600, 800);
    expect(big.tokenW).toBeGreaterThan(small.tokenW);
    expect(big.places.get(snap.ready[0].id)!.x).toBeCloseTo(small.places.get(snap.ready[0].id)!.x * 2, -1);
  });

  it('grids cells row by row and refuses what does not fit', () => {
    expect(grid(3, { x: 0, y: 0, w: 25, h: 100 }, 10, 10, 5)).toEqual([
      { x: 0, y: 0 },
      { x: 15, y: 0 },
      { x: 0, y: 15 },
    ]);
    expect(grid(100, { x: 0, y: 0, w: 25, h: 25 }, 10, 10, 5)).toBeNull();
  });
});
