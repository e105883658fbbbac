// Which steps a person steps through. With the loop's internals hidden, the steps that only
// asyncio's plumbing ran are skipped: an internal callback (a sleep's timer, gather's done
// callback), asyncio.run's own tasks and the top level's glue between them (its teardown), so
// lesson 1 is the steps of a, b, c and main, not 27. Every counter and the scrub count these. Pure.
import type { Trace } from '../../../common/trace';
import { lastAtOrBefore } from '../../../common/stepSearch';

/** The steps shown with internals off, ascending; the first and the last are always shown. */
export function visibleStepsOf(trace: Pick<Trace, 'steps' | 'events' | 'actors'>): number[] {
  const { steps, events } = trace;
  const internal = new Set(trace.actors.filter((a) => a.internal).map((a) => a.id));
  const out: number[] = [];
  for (let s = 0; s < steps.length; s++) {
    const st = steps[s];
    const end = s + 1 < steps.length ? steps[s + 1].firstEvent : events.length;
    let printed = false;
    for (let i = st.firstEvent; i < end && !printed; i++) printed = events[i].t === 'output';
    const hidden =
      s > 0 &&
      s < steps.length - 1 &&
      !printed &&
      ((st.kind === 'run' && st.actor !== undefined && internal.has(st.actor)) ||
        (st.kind === 'main' && !st.lines?.length));
    if (!hidden) out.push(s);
  }
  return out;
}

/** The step list the cursor moves through, as positions 0..count-1. */
export interface StepView {
  count: number;
  /** Position of `step` (of the shown step at or before it, when it is hidden). */
  position(step: number): number;
  /** The step at a position (clamped). */
  at(position: number): number;
  /** The shown step at or after `step` (the last one past the end). */
  atOrAfter(step: number): number;
  /** The shown step at or before `step` (the first one before the start). */
  atOrBefore(step: number): number;
}

export function stepView(total: number, visible: ArrayLike<number> | null): StepView {
  if (!visible) {
    const clamp = (s: number) => Math.max(0, Math.min(total - 1, Math.round(s)));
    return { count: total, position: clamp, at: clamp, atOrAfter: clamp, atOrBefore: clamp };
  }
  const position = (step: number) => Math.max(0, lastAtOrBefore(visible, step));
  const at = (p: number) => visible[Math.max(0, Math.min(visible.length - 1, Math.round(p)))] ?? 0;
  return {
    count: visible.length,
    position,
    at,
    atOrBefore: (step) => at(position(step)),
    atOrAfter: (step) => {
      const i = lastAtOrBefore(visible, step);
      return i >= 0 && visible[i] === step ? step : at(i + 1);
    },
  };
}

/**
 * Where a jump forward from `from` to `target` stops: before the first shown step on the way
 * (the target included) that `ask` holds, else at the target. Predict mode's question stops a
 * jump as it stops a step forward; the jump asks each shown step in order until one holds.
 */
export function jumpStop(
  view: StepView,
  from: number,
  target: number,
  ask: (next: number) => boolean,
): { step: number; held: boolean } {
  for (let p = view.position(from) + 1, end = view.position(target); p <= end; p++)
    if (!ask(view.at(p))) return { step: view.at(p - 1), held: true };
  return { step: target, held: false };
}
