// Two runs on one virtual time axis. Each run's steps carry the virtual time they start at;
// the compare view steps through both at once, so its cursor is a "tick": one step of either
// run, merged in time order (on equal times the left run goes first, like reading left to
// right). Each side shows its latest step at or before the tick's time. Pure: times in, ticks out.

export interface Tick {
  /** Shared virtual time of this tick. */
  time: number;
  /** The step each side shows: [left, right]. */
  steps: [number, number];
}

/** Merges the two runs' step times (each non-decreasing) into the shared ticks; tick 0 is both starts. */
export function alignRuns(left: readonly number[], right: readonly number[]): Tick[] {
  if (left.length === 0 || right.length === 0) return [];
  const ticks: Tick[] = [{ time: Math.min(left[0], right[0]), steps: [0, 0] }];
  let i = 1;
  let j = 1;
  while (i < left.length || j < right.length) {
    const takeLeft = j >= right.length || (i < left.length && left[i] <= right[j]);
    if (takeLeft) ticks.push({ time: left[i], steps: [i++, j - 1] });
    else ticks.push({ time: right[j], steps: [i - 1, j++] });
  }
  return ticks;
}

/** The last tick of the next virtual time after tick `index`: everything at that time has run. */
export function nextTimeTick(ticks: readonly Tick[], index: number): number {
  const now = ticks[index]?.time ?? 0;
  const later = ticks.find((tick, k) => k > index && tick.time > now);
  return later ? tickAtTime(ticks, later.time) : Math.max(0, ticks.length - 1);
}

/** The last tick of the virtual time before tick `index`'s time (or tick 0). */
export function prevTimeTick(ticks: readonly Tick[], index: number): number {
  const now = ticks[index]?.time ?? 0;
  let k = Math.min(index, ticks.length - 1);
  while (k > 0 && ticks[k].time >= now) k--;
  return k;
}

/** The last tick at or before virtual time `time`. */
export function tickAtTime(ticks: readonly Tick[], time: number): number {
  let k = 0;
  while (k + 1 < ticks.length && ticks[k + 1].time <= time) k++;
  return k;
}

/** Whether a side has reached its last step at this tick (its run is over on the shared axis). */
export function sideFinished(tick: Tick | undefined, side: 0 | 1, stepCount: number): boolean {
  return tick !== undefined && tick.steps[side] >= stepCount - 1;
}

/** A step's kind and start time: all spanTime needs from the trace. */
export interface TimedStep {
  kind: string;
  time: number;
}

/**
 * The virtual time a step ends: the next step's start, unless the next step is a clock jump
 * (the loop slept: the step itself took no time). A blocking call (`time.sleep(3)` in a sync
 * program) is a step whose next step starts later without a jump: it ran for those seconds.
 */
export function stepEndTime(steps: readonly TimedStep[], step: number): number {
  const here = steps[Math.min(step, steps.length - 1)];
  const next = steps[step + 1];
  if (!here) return 0;
  return next && next.kind !== 'clock' ? next.time : here.time;
}

/**
 * The [start, end] times of a timeline span of steps [from, to). A running span ends when its
 * last step ends; any other state was reached when the step before it ended (a task that went
 * to sleep at t=0 waits from 0, although the next step is the clock jump to its deadline).
 */
export function spanTime(
  steps: readonly TimedStep[],
  from: number,
  to: number,
  state: string,
): [number, number] {
  const last = steps.length ? steps[steps.length - 1].time : 0;
  const start =
    state !== 'running' && from > 0
      ? stepEndTime(steps, from - 1)
      : from < steps.length
        ? steps[from].time
        : last;
  const end = state === 'running' ? stepEndTime(steps, to - 1) : to < steps.length ? steps[to].time : last;
  return [start, Math.max(start, end)];
}
