import { describe, expect, it } from 'vitest';
import { buildAbc } from '../e2e/fixtures/build';
import { buildModel } from '../../renderer/src/player/model';
import { buildTimeline, stepAtX } from '../../renderer/src/player/timeline';

const model = buildModel(buildAbc());
const tl = buildTimeline(model);
const row = (coro: string) => {
  const id = model.trace.actors.find((a) => a.coro === coro)!.id;
  const r = tl.rows.find((x) => x.actor === id)!;
  return r.state.map((s, i) => `${s} ${r.from[i]}-${r.to[i]}`);
};

describe('timeline', () => {
  it('has one row per task with its ready, running and waiting spans in steps', () => {
    expect(tl.rows).toHaveLength(4);
    expect(row('b')).toEqual(['ready 1-3', 'running 3-4', 'waiting 4-6', 'ready 6-7', 'running 7-8']);
    expect(row('main')).toEqual(['ready 0-1', 'running 1-2', 'waiting 2-16', 'ready 16-17', 'running 17-18']);
  });

  it('maps steps onto an axis that only grows, and a click back onto the step under it', () => {
    for (let s = 1; s < tl.x.length; s++) expect(tl.x[s]).toBeGreaterThanOrEqual(tl.x[s - 1]);
    expect(tl.x[0]).toBe(0);
    expect(tl.x[tl.x.length - 1]).toBeCloseTo(1);
    for (const s of [0, 4, 5, 9, 18]) expect(stepAtX(tl.x, (tl.x[s] + tl.x[s + 1]) / 2)).toBe(s);
  });

  it('gives a clock jump width in proportion to the virtual time it skips', () => {
    const jump = (s: number) => tl.x[s] - tl.x[s - 1];
    // 0.0 -> 0.1 and 0.1 -> 0.2 are equal jumps; both far wider than a step at one instant.
    expect(jump(5)).toBeCloseTo(jump(9));
    expect(jump(5)).toBeGreaterThan(3 * jump(2));
  });
});
