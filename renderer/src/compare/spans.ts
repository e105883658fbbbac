// One side's timeline rows for the compare view, placed by virtual time and cut at the side's
// cursor: only what has happened by the shared time shows, so nothing of the result is seen
// before it is stepped to. Each blocking call (a step the clock moved inside) stays a span of
// its own with the line it blocked on, so "3 s + 1 s + 1 s" reads as separate waits. Pure.
import type { Trace } from '../../../common/trace';
import type { SpanState, Timeline } from '../player/timeline';
import { spanTime } from './align';

/** More rows than this are summarised (lesson 14 has 1,000 clients). */
export const COMPARE_MAX_ROWS = 12;

export interface CompareSpan {
  state: SpanState;
  /** Virtual times, seconds; `end` is cut at the cursor's time. */
  start: number;
  end: number;
  /** Still going on at the cursor (its end is not known yet). */
  open: boolean;
  /** For a blocking call: the source line the program was held on. */
  line?: number;
}

export interface CompareRow {
  actor: number;
  /** False until the task exists at the cursor (its row is then shown without a name). */
  started: boolean;
  spans: CompareSpan[];
}

/** The last source line a step ran: where a blocking call held the program. */
export function blockedLine(trace: Trace, step: number): number | undefined {
  const st = trace.steps[step];
  if (!st) return undefined;
  const end = step + 1 < trace.steps.length ? trace.steps[step + 1].firstEvent : trace.events.length;
  for (let i = end - 1; i >= st.firstEvent; i--) {
    const e = trace.events[i];
    if (e.t === 'afterTaskStep' && e.lines.length) return e.lines[e.lines.length - 1];
  }
  return undefined;
}

/**
 * The rows of `timeline` as they stand at `step` of this side's run and the shared virtual time
 * `time` (>= that step's start): spans that began by then, each ending no later than `time`.
 */
export function compareRows(trace: Trace, timeline: Timeline, step: number, time: number): CompareRow[] {
  const steps = trace.steps;
  return timeline.rows.map((row) => {
    const spans: CompareSpan[] = [];
    for (let i = 0; i < row.from.length && row.from[i] <= step; i++) {
      const state = row.state[i];
      const [start, end] = spanTime(steps, row.from[i], row.to[i], state);
      if (start > time) continue;
      spans.push({
        state,
        start,
        end: Math.min(end, time),
        open: end > time || row.to[i] > step + 1,
        ...(state === 'blocked' ? { line: blockedLine(trace, row.from[i]) } : {}),
      });
    }
    return { actor: row.actor, started: (row.from[0] ?? Infinity) <= step, spans };
  });
}
