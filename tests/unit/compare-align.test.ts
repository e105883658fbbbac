import { describe, expect, it } from 'vitest';
import {
  alignRuns,
  nextTimeTick,
  prevTimeTick,
  sideFinished,
  spanTime,
  stepEndTime,
  tickAtTime,
} from '../../renderer/src/compare/align';

// Lesson 2's halves: the sync run's steps start at these times, the async run's at these.
const SYNC = [0, 0, 3, 4, 5, 5];
const ASYNC = [0, 0, 0, 1, 1, 3, 3];

describe('compare view time alignment', () => {
  it('merges both runs step by step in time order, the left run first on equal times', () => {
    expect(alignRuns([0, 0, 2], [0, 1, 1])).toEqual([
      { time: 0, steps: [0, 0] },
      { time: 0, steps: [1, 0] },
      { time: 1, steps: [1, 1] },
      { time: 1, steps: [1, 2] },
      { time: 2, steps: [2, 2] },
    ]);
  });

  it('visits every step of both runs exactly once after the shared start', () => {
    const ticks = alignRuns(SYNC, ASYNC);
    expect(ticks).toHaveLength(SYNC.length + ASYNC.length - 1);
    expect(ticks.map((t) => t.time)).toEqual([...ticks.map((t) => t.time)].sort((a, b) => a - b));
    expect(ticks.at(-1)?.steps).toEqual([SYNC.length - 1, ASYNC.length - 1]);
  });

  it('the async side has finished at t=3 while the sync side still runs until t=5', () => {
    const ticks = alignRuns(SYNC, ASYNC);
    const at3 = ticks[tickAtTime(ticks, 3)];
    expect(at3.time).toBe(3);
    expect(sideFinished(at3, 1, ASYNC.length)).toBe(true);
    expect(sideFinished(at3, 0, SYNC.length)).toBe(false);
    expect(sideFinished(ticks.at(-1), 0, SYNC.length)).toBe(true);
  });

  it('stepping by time lands on the last tick of each virtual time', () => {
    const ticks = alignRuns(SYNC, ASYNC);
    const times = (ks: number[]) => ks.map((k) => ticks[k].time);
    const forward = [0];
    while (forward.length < 10 && nextTimeTick(ticks, forward.at(-1)!) !== forward.at(-1)) {
      forward.push(nextTimeTick(ticks, forward.at(-1)!));
    }
    expect(times(forward)).toEqual([0, 1, 3, 4, 5]);
    expect(forward.slice(1).map((k) => ticks[k + 1]?.time ?? Infinity)).toEqual([3, 4, 5, Infinity]);
    const last = ticks.length - 1;
    expect(prevTimeTick(ticks, last)).toBe(forward[3]);
    expect(prevTimeTick(ticks, forward[3])).toBe(forward[2]);
    expect(prevTimeTick(ticks, forward[1])).toBe(tickAtTime(ticks, 0));
    expect(prevTimeTick(ticks, 0)).toBe(0);
  });

  it('an empty run gives no ticks', () => {
    expect(alignRuns([], [0])).toEqual([]);
  });
});

describe('compare timeline spans on the time axis', () => {
  // Lesson 2b's shape: tasks run at t=0, the loop sleeps (a clock jump) to t=1, runs, ends.
  const ASYNC_STEPS = [
    { kind: 'start', time: 0 },
    { kind: 'run', time: 0 },
    { kind: 'clock', time: 1 },
    { kind: 'run', time: 1 },
    { kind: 'end', time: 1 },
  ];
  // Lesson 2a's shape: one task whose steps block (time.sleep) and so take time themselves.
  const SYNC_STEPS = [
    { kind: 'start', time: 0 },
    { kind: 'run', time: 0 },
    { kind: 'run', time: 3 },
    { kind: 'end', time: 4 },
  ];

  it('a step before a clock jump takes no time: the loop slept, the task did not run', () => {
    expect(spanTime(ASYNC_STEPS, 1, 2, 'running')).toEqual([0, 0]);
    // Went to sleep in step 1 (t=0): it waits from 0 until the clock jump's step wakes it.
    expect(spanTime(ASYNC_STEPS, 2, 3, 'waiting')).toEqual([0, 1]);
    expect(spanTime(ASYNC_STEPS, 3, 4, 'ready')).toEqual([1, 1]);
  });

  it('a blocking step runs until the next step starts', () => {
    expect(spanTime(SYNC_STEPS, 1, 3, 'running')).toEqual([0, 4]);
    expect(stepEndTime(SYNC_STEPS, 1)).toBe(3);
    expect(stepEndTime(SYNC_STEPS, 3)).toBe(4);
  });
});
