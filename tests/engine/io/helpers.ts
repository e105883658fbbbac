// What the I/O tests read off a trace: the printed text, the waits, and the stalls (a clock
// advance inside a step is the loop's thread blocked; one between steps is a select-step jump).
import type { Trace, WaitReason } from '../../../common/trace';

export const out = (t: Trace, stream: 'stdout' | 'stderr' = 'stdout'): string =>
  t.events.map((e) => (e.t === 'output' && e.stream === stream ? e.text : '')).join('');

export const waits = (t: Trace): WaitReason[] =>
  t.events.flatMap((e) => (e.t === 'taskWaiting' ? [e.reason] : []));

/** [from, to] of every clock advance made while a step ran: the loop's thread was blocked. */
export function stalls(t: Trace): [number, number][] {
  const found: [number, number][] = [];
  let inStep = false;
  for (const e of t.events) {
    if (e.t === 'beforeTaskStep') inStep = true;
    else if (e.t === 'afterTaskStep' || e.t === 'taskExited') inStep = false;
    else if (e.t === 'clockAdvanced' && inStep) found.push([e.from, e.to]);
  }
  return found;
}

/** The total time the loop's thread spent blocked. */
export const stalled = (t: Trace): number => stalls(t).reduce((sum, [a, b]) => sum + (b - a), 0);
