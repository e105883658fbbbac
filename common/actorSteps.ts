// Steps listed per actor, packed into typed arrays (one list after another, by actor), so a
// list built in the trace worker moves to the UI thread by transfer, not as 100,000 arrays to
// clone. Each step may carry a value (the line the actor ran then). Pure.
import type { ActorId } from './trace';

export interface ActorStepsData {
  /** The actors with entries, ascending (ids come from the trace: any numbers, not an index). */
  keys: Float64Array;
  /** keys[k]'s entries are at [start[k], start[k + 1]). */
  start: Int32Array;
  /** Ascending within each actor's range. */
  steps: Int32Array;
  /** Parallel to steps; null when the lists carry no values. */
  values: Int32Array | null;
}

/** Adds one entry: `actor` at `step` (with `value`, for lists that carry values). */
export type AddStep = (actor: ActorId, step: number, value?: number) => void;

/**
 * Packs the entries `visit` adds, in the order it adds them (steps ascending per actor). `visit`
 * is called twice, once to count and once to fill, and must add the same entries both times.
 */
export function packActorSteps(visit: (add: AddStep) => void, withValues: boolean): ActorStepsData {
  const counts = new Map<ActorId, number>();
  visit((actor) => counts.set(actor, (counts.get(actor) ?? 0) + 1));
  const keys = Float64Array.from(counts.keys()).sort();
  const start = new Int32Array(keys.length + 1);
  const next = new Map<ActorId, number>();
  for (let k = 0; k < keys.length; k++) {
    next.set(keys[k], start[k]);
    start[k + 1] = start[k] + counts.get(keys[k])!;
  }
  const steps = new Int32Array(start[keys.length]);
  const values = withValues ? new Int32Array(steps.length) : null;
  visit((actor, step, value) => {
    const i = next.get(actor)!;
    next.set(actor, i + 1);
    steps[i] = step;
    if (values) values[i] = value ?? 0;
  });
  return { keys, start, steps, values };
}

/** The lists to read: an actor's steps (and values) as views, undefined when it has none. */
export class ActorSteps {
  constructor(readonly data: ActorStepsData) {}

  get(actor: ActorId): Int32Array | undefined {
    const k = this.#key(actor);
    return k < 0 ? undefined : this.data.steps.subarray(this.data.start[k], this.data.start[k + 1]);
  }

  /** The values parallel to get(actor). */
  valuesOf(actor: ActorId): Int32Array | undefined {
    const k = this.#key(actor);
    const { values, start } = this.data;
    return k < 0 || !values ? undefined : values.subarray(start[k], start[k + 1]);
  }

  /** keys' index of `actor`, or -1. */
  #key(actor: ActorId): number {
    const { keys } = this.data;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < actor) lo = mid + 1;
      else hi = mid;
    }
    return lo < keys.length && keys[lo] === actor ? lo : -1;
  }
}
