// Steps listed per actor, packed into typed arrays (one list after another, by actor id), so a
// list built in the trace worker moves to the UI thread by transfer, not as 100,000 arrays to
// clone. Each step may carry a value (the line the actor ran then). Pure.
import type { ActorId } from '../../../common/trace';

export interface ActorStepsData {
  /** Actor id a's entries are at [start[a], start[a + 1]) (length: largest id + 2). */
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
  const counts: number[] = [];
  visit((actor) => {
    if (actor >= 0) counts[actor] = (counts[actor] ?? 0) + 1;
  });
  const start = new Int32Array(counts.length + 1);
  for (let a = 0; a < counts.length; a++) start[a + 1] = start[a] + (counts[a] ?? 0);
  const total = start[counts.length];
  const steps = new Int32Array(total);
  const values = withValues ? new Int32Array(total) : null;
  const next = start.slice(0, counts.length);
  visit((actor, step, value) => {
    if (actor < 0) return;
    const i = next[actor]++;
    steps[i] = step;
    if (values) values[i] = value ?? 0;
  });
  return { start, steps, values };
}

/** The lists to read: an actor's steps (and values) as views, undefined when it has none. */
export class ActorSteps {
  constructor(readonly data: ActorStepsData) {}

  get(actor: ActorId): Int32Array | undefined {
    const { start, steps } = this.data;
    if (!(actor >= 0 && actor + 1 < start.length) || start[actor] === start[actor + 1]) return undefined;
    return steps.subarray(start[actor], start[actor + 1]);
  }

  /** The values parallel to get(actor). */
  valuesOf(actor: ActorId): Int32Array | undefined {
    const { start, values } = this.data;
    if (!values || !(actor >= 0 && actor + 1 < start.length) || start[actor] === start[actor + 1])
      return undefined;
    return values.subarray(start[actor], start[actor + 1]);
  }
}
