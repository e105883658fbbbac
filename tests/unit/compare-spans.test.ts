import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../common/trace';
import { buildModel } from '../../renderer/src/player/model';
import { buildTimeline } from '../../renderer/src/player/timeline';
import { compareRows } from '../../renderer/src/compare/spans';

const golden = (id: string): Trace =>
  JSON.parse(
    readFileSync(new URL(`../../lessons/expected/${id}.trace.json`, import.meta.url), 'utf8'),
  ) as Trace;
const sync = golden('02a-sync-waits');
const syncTl = buildTimeline(buildModel(sync));
const last = sync.steps.length - 1;
const round = (x: number) => Number(x.toFixed(2));
const blocked = (step: number, time: number) =>
  compareRows(sync, syncTl, step, time)[0]
    .spans.filter((s) => s.state === 'blocked')
    .map((s) => [round(s.start), round(s.end), s.line]);

describe('compare view spans', () => {
  it('the sync side shows each blocking call as a span of its own: connect 0.1 s, then the 3 s, 1 s and 1 s reads', () => {
    expect(blocked(last, sync.steps[last].time)).toEqual([
      [0, 0.1, 26],
      [0.1, 3.21, 29],
      [3.21, 3.31, 26],
      [3.31, 4.42, 29],
      [4.42, 4.52, 26],
      [4.52, 5.63, 29],
    ]);
  });

  it('shows nothing of the run at its first step, and at the next only the call main is blocked in, at t=0', () => {
    const at = (step: number) =>
      compareRows(sync, syncTl, step, 0).map((r) => ({
        started: r.started,
        spans: r.spans.map((s) => [s.state, s.start, s.end, s.open]),
      }));
    expect(at(0)).toEqual([{ started: false, spans: [] }]);
    expect(at(1)).toEqual([{ started: true, spans: [['blocked', 0, 0, true]] }]);
  });

  it('cuts a blocking call at the shared time while the other side steps on (the read of /delay/3 at t=1.21 is 1.11 s old)', () => {
    expect(blocked(2, 1.21)).toEqual([
      [0, 0.1, 26],
      [0.1, 1.21, 29],
    ]);
    const open = compareRows(sync, syncTl, 2, 1.21)[0].spans.at(-1)!;
    expect(open.open).toBe(true);
  });

  it('the async side draws no span beyond the shared time, and a task appears only once it exists', () => {
    const async_ = golden('02b-async-waits');
    const tl = buildTimeline(buildModel(async_));
    const at = async_.steps.findIndex((s) => s.time > 0.1) - 1; // the last step at t = 0.1
    const rows = compareRows(async_, tl, at, 0.1);
    expect(Math.max(...rows.flatMap((r) => r.spans.map((s) => s.end)))).toBeCloseTo(0.1, 9);
    expect(compareRows(async_, tl, 0, 0).map((r) => r.started)).toEqual([true, false, false, false]);
  });
});
