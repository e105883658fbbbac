// `sim FILE.py` ends with the run's warnings on stderr, after what the program printed (which
// stays exactly CPython's): one line each, with the step and the program line it belongs to.

import type { Trace, TraceEvent } from '../../common/trace';

type Warning = Extract<TraceEvent, { t: 'warning' }>;

/** Each warning of the trace with the index of the step it belongs to, in trace order. */
export function warningsWithSteps(trace: Trace): { step: number; warning: Warning }[] {
  const out: { step: number; warning: Warning }[] = [];
  let step = 0;
  trace.events.forEach((e, i) => {
    while (step + 1 < trace.steps.length && trace.steps[step + 1].firstEvent <= i) step++;
    if (e.t === 'warning') out.push({ step, warning: e });
  });
  return out;
}

/** "warning: step 6, line 24: blockedLoop: Task-1 blocked the loop for 3.000 s (...)". */
export function formatWarnings(trace: Trace): string[] {
  return warningsWithSteps(trace).map(
    ({ step, warning: w }) =>
      `warning: step ${step}${w.line ? `, line ${w.line}` : ''}: ${w.kind}: ${w.message}`,
  );
}
