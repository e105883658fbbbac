// Where a shared run opens: the URL fragment names a moment, so a slide or a course page can
// link to it. `#step=12` (a step number), `#end` (the last step), `#t=0.3` (the first step at
// or after virtual time 0.3 s). Anything else opens at the start.
import type { Trace } from '../../../common/trace';

export type Moment = { step: number } | { end: true } | { time: number } | null;

export function parseMoment(hash: string): Moment {
  const h = decodeURIComponent(hash.replace(/^#/, '')).trim();
  if (h === 'end') return { end: true };
  const step = /^step=(\d{1,9})$/.exec(h);
  if (step) return { step: Number(step[1]) };
  const time = /^t=(\d+(?:\.\d+)?)$/.exec(h);
  if (time) return { time: Number(time[1]) };
  return null;
}

/** The step a moment names in this trace, clamped to its steps. */
export function stepOf(moment: Moment, trace: Trace): number {
  const last = Math.max(0, trace.steps.length - 1);
  if (moment === null) return 0;
  if ('end' in moment) return last;
  if ('step' in moment) return Math.min(moment.step, last);
  const i = trace.steps.findIndex((s) => s.time >= moment.time - 1e-12);
  return i < 0 ? last : i;
}

/** The fragment that reopens the player at the `nth` of `count` shown steps (1-based, as the counter). */
export function momentHash(nth: number, count: number): string {
  return nth >= count && count > 1 ? '#end' : `#step=${nth}`;
}
