// State on demand: a run is a pure function of (source, options), so a big run can be recorded
// as a skeleton (options.capture false: lanes, waits, output, at full speed) and the task state
// of one step made when it is asked for, by running the program again with capture on, stopped
// right after that step (maxSteps). The replay's steps up to there must be the skeleton's.

import type { RunOptions, Trace } from './trace';

/** The options of the replay that gives `skeleton`'s task state up to and including `step`. */
export function replayOptions(skeleton: Trace, step: number): RunOptions {
  const { capture: _, ...options } = skeleton.options;
  const last = skeleton.steps.length - 1;
  // The end step is no step the loop runs: the whole run is replayed to reach it.
  return step >= last ? options : { ...options, maxSteps: step + 1 };
}

/** Whether the replay ran the skeleton's steps up to `step` (same kind, actor and time). */
export function sameSteps(skeleton: Trace, replay: Trace, step: number): boolean {
  const last = skeleton.steps.length - 1;
  const upTo = Math.min(step, last - 1);
  if (replay.steps.length <= upTo) return false;
  for (let s = 0; s <= upTo; s++) {
    const a = skeleton.steps[s];
    const b = replay.steps[s];
    if (a.kind !== b.kind || a.actor !== b.actor || a.time !== b.time) return false;
  }
  return step < last || replay.end.kind === skeleton.end.kind;
}
