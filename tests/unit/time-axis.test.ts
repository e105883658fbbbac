import { describe, expect, it } from 'vitest';
import { niceIntervals, tickLabel, timeTicks, type AxisTick } from '../../renderer/src/player/timeAxis';
import { buildAbc } from '../e2e/fixtures/build';
import { buildModel } from '../../renderer/src/player/model';
import { buildTimeline, xOfTime } from '../../renderer/src/player/timeline';

/** 7 px a character, as a 12 px sans-serif digit roughly is. */
const measure = (s: string) => 7 * s.length;
const linear = (end: number, width: number) => ({
  end,
  xOf: (t: number) => (t / end) * width,
  left: 0,
  right: width,
  measure,
});

const interval = (ticks: AxisTick[]) => Number((ticks[1].time - ticks[0].time).toPrecision(6));
/** Label boxes centred on their ticks, pushed inside [left, right]: none overlap. */
function expectNoOverlap(ticks: AxisTick[], left: number, right: number, gap = 8): void {
  let prevEnd = -Infinity;
  for (const t of ticks) {
    const w = measure(t.label);
    const start = Math.min(Math.max(left, t.x - w / 2), right - w);
    expect(start).toBeGreaterThanOrEqual(prevEnd + gap);
    prevEnd = start + w;
  }
}

describe('time axis ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten seconds, labelled with the decimals the step needs', () => {
    expect(timeTicks(linear(5.63, 600)).map((t) => t.label)).toEqual([
      '0',
      '0.5',
      '1.0',
      '1.5',
      '2.0',
      '2.5',
      '3.0',
      '3.5',
      '4.0',
      '4.5',
      '5.0',
      '5.5',
    ]);
    expect(timeTicks(linear(0.3, 300)).map((t) => t.label)).toEqual([
      '0',
      '0.05',
      '0.10',
      '0.15',
      '0.20',
      '0.25',
      '0.30',
    ]);
    expect(niceIntervals(0.03, 1)).toEqual([0.05, 0.1, 0.2, 0.5, 1]);
    expect(tickLabel(1200, 200)).toBe('1200');
    expect(tickLabel(0.001, 0.001)).toBe('0.001');
  });

  it('chooses a round interval and never overlaps labels at any duration and width', () => {
    for (const end of [0.0004, 0.003, 0.1, 0.3, 1, 3.21, 5.63, 12, 59.9, 600, 3600, 86400]) {
      for (const width of [80, 200, 450, 1200, 4000]) {
        const ticks = timeTicks(linear(end, width));
        expect(ticks[0].time).toBe(0);
        expect(ticks[ticks.length - 1].time).toBeLessThanOrEqual(end * (1 + 1e-9));
        if (ticks.length > 1) {
          const step = interval(ticks);
          const mantissa = Number((step / 10 ** Math.floor(Math.log10(step) + 1e-9)).toPrecision(6));
          expect([1, 2, 5]).toContain(mantissa);
          for (let k = 1; k < ticks.length; k++) expect(ticks[k].time).toBeCloseTo(k * step, 9);
        }
        expectNoOverlap(ticks, 0, width);
      }
    }
  });

  it('uses finer intervals when zoomed in: a wider axis never has fewer ticks', () => {
    let before = 0;
    for (const width of [100, 200, 400, 800, 1600, 3200]) {
      const n = timeTicks(linear(5.63, width)).length;
      expect(n).toBeGreaterThanOrEqual(before);
      before = n;
    }
    expect(before).toBeGreaterThan(20);
  });

  it('an axis of no time (a run that never waited) has the one tick at 0', () => {
    expect(timeTicks(linear(0, 500)).map((t) => t.label)).toEqual(['0']);
  });

  it('places ticks on the player timeline where the clock reaches them, labels apart although the axis is not linear', () => {
    const tl = buildTimeline(buildModel(buildAbc()));
    const width = 700;
    const ticks = timeTicks({
      end: tl.times[tl.times.length - 1],
      xOf: (t) => xOfTime(tl, t) * width,
      left: 0,
      right: width,
      measure,
    });
    expect(ticks.map((t) => t.label)).toEqual(['0', '0.05', '0.10', '0.15', '0.20', '0.25', '0.30']);
    // t = 0.1 is reached at the clock jump to 0.1 (step 5 of the a/b/c run), i.e. where that step starts.
    expect(ticks[2].x).toBeCloseTo(tl.x[5] * width, 6);
    expectNoOverlap(ticks, 0, width);
    for (let k = 1; k < ticks.length; k++) expect(ticks[k].x).toBeGreaterThan(ticks[k - 1].x);
  });
});
