// Where each control moves the cursor. Pure functions of (model, step); binary searches over
// lists built once per trace, so every jump is O(log steps).
import type { ActorId } from '../../../common/trace';
import { lastAtOrBefore } from '../../../common/stepSearch';
import type { PlayerModel } from './model';
import { SPEEDS } from '../../../common/limits';

export function lastStep(model: PlayerModel): number {
  return Math.max(0, model.trace.steps.length - 1);
}

export function clampStep(model: PlayerModel, step: number): number {
  if (!Number.isFinite(step)) return 0;
  return Math.max(0, Math.min(lastStep(model), Math.round(step)));
}

function firstAfter(sorted: ArrayLike<number>, step: number): number | null {
  const i = lastAtOrBefore(sorted, step) + 1;
  return i < sorted.length ? sorted[i] : null;
}

function lastBefore(sorted: ArrayLike<number>, step: number): number | null {
  const i = lastAtOrBefore(sorted, step - 1);
  return i >= 0 ? sorted[i] : null;
}

/** First step of the next loop iteration (or the last step). */
export function nextIteration(model: PlayerModel, step: number): number {
  return firstAfter(model.iterationStarts, step) ?? lastStep(model);
}

/** First step of this iteration if we are past it, else of the previous one. */
export function prevIteration(model: PlayerModel, step: number): number {
  return lastBefore(model.iterationStarts, step) ?? 0;
}

/** The next step where the clock jumps (or the last step). */
export function nextClockJump(model: PlayerModel, step: number): number {
  return firstAfter(model.clockSteps, step) ?? lastStep(model);
}

export function prevClockJump(model: PlayerModel, step: number): number {
  return lastBefore(model.clockSteps, step) ?? 0;
}

/** The next step in which `actor` runs, or null when it never runs again. */
export function nextStepOf(model: PlayerModel, actor: ActorId, step: number): number | null {
  const runs = model.runSteps.get(actor);
  return runs ? firstAfter(runs, step) : null;
}

export function faster(speed: number): number {
  return SPEEDS.find((s) => s > speed) ?? SPEEDS[SPEEDS.length - 1];
}

export function slower(speed: number): number {
  return [...SPEEDS].reverse().find((s) => s < speed) ?? SPEEDS[0];
}
