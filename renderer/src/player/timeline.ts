// Timeline rows: for every task, spans of running / ready / waiting / waiting on I/O (a socket,
// a worker thread's job) over the run, and the x axis
// that maps steps onto virtual time. Many steps share one instant (everything at t=0 in a
// program that never sleeps), so each step also gets a small fixed share of the width: x grows
// with virtual time and with step count, and stays monotonic so a click maps back to a step.
import type { ActorId, Trace } from '../../../common/trace';
import { lastAtOrBefore } from '../../../common/stepSearch';
import type { PlayerModel } from './model';

/** 'io': waiting on a socket or a worker thread (a wait of kind io), drawn apart from sleeps.
 * 'blocked': a step that held the loop in a blocking call (a blocking recv, open() or time.sleep:
 * the clock moved inside the step), for the virtual time it held it. */
export type SpanState = 'ready' | 'running' | 'blocked' | 'waiting' | 'io' | 'done';

export interface TimelineRow {
  actor: ActorId;
  /** Parallel arrays, one entry per span: [fromStep, toStep) in that state. */
  from: Int32Array;
  to: Int32Array;
  state: SpanState[];
}

/** Span states by code (TimelineSpans.state). */
export const SPAN_STATES: readonly SpanState[] = ['ready', 'running', 'blocked', 'waiting', 'io', 'done'];

/** Every row's spans packed into typed arrays (built in the trace worker, moved by transfer). */
export interface TimelineSpans {
  /** The row's task, by row. */
  actors: Int32Array;
  /** Row r's spans are at [start[r], start[r + 1]). */
  start: Int32Array;
  from: Int32Array;
  to: Int32Array;
  /** Index into SPAN_STATES. */
  state: Uint8Array;
  x: Float64Array;
  stepShare: number;
  times: Float64Array;
}

export interface Timeline {
  rows: TimelineRow[];
  /** x of each step's start, 0..1 (length steps + 1; the last entry is 1). */
  x: Float64Array;
  /** Share of the axis that counts steps (the rest is virtual time). */
  stepShare: number;
  /** Virtual time at each step's start (length steps). */
  times: Float64Array;
}

/** Share of the width spread evenly over steps; the rest follows virtual time. */
export const STEP_SHARE = 0.35;

export function timelineAxis(model: Pick<PlayerModel, 'trace'>): Float64Array {
  const { steps } = model.trace;
  const n = steps.length;
  const x = new Float64Array(n + 1);
  const total = n > 0 ? steps[n - 1].time : 0;
  const stepShare = total > 0 ? STEP_SHARE : 1;
  for (let s = 0; s <= n; s++) {
    const t = s < n ? steps[s].time : total;
    x[s] = (stepShare * s) / Math.max(1, n) + (total > 0 ? ((1 - stepShare) * t) / total : 0);
  }
  return x;
}

/**
 * x (0..1) where virtual time `t` is reached: the first step at or after `t`, plus `t`'s share of
 * the time axis. Inside a clock jump time runs linearly; a time many steps share is where the
 * first of them starts.
 */
export function xOfTime(tl: Timeline, t: number): number {
  const n = tl.times.length;
  const total = n > 0 ? tl.times[n - 1] : 0;
  if (!(total > 0)) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tl.times[mid] >= t) hi = mid;
    else lo = mid + 1;
  }
  const clamped = Math.max(0, Math.min(total, t));
  return (tl.stepShare * lo) / n + ((1 - tl.stepShare) * clamped) / total;
}

/** The step whose slot contains x (0..1). */
export function stepAtX(axis: Float64Array, x: number): number {
  const i = lastAtOrBefore(axis, x);
  return Math.max(0, Math.min(axis.length - 2, i));
}

export function buildTimeline(model: PlayerModel): Timeline {
  return timelineFrom(timelineSpans(model.trace, model.tasks));
}

/** The rows of `tasks` (in that order) and the axis: O(events), the trace worker's share. */
export function timelineSpans(trace: Trace, tasks: readonly ActorId[]): TimelineSpans {
  const { steps, events } = trace;
  const rows = new Map<ActorId, { from: number[]; to: number[]; state: number[] }>();
  const current = new Map<ActorId, { state: SpanState; since: number }>();
  for (const id of tasks) rows.set(id, { from: [], to: [], state: [] });
  const code = (state: SpanState) => SPAN_STATES.indexOf(state);
  const move = (id: ActorId, state: SpanState, step: number) => {
    const row = rows.get(id);
    if (!row) return; // callbacks have no row
    const cur = current.get(id);
    // Each blocking step is a span of its own: a sync program's calls show one by one.
    if (cur && cur.state === state && state !== 'blocked') return;
    if (cur && step > cur.since) {
      row.from.push(cur.since);
      row.to.push(step);
      row.state.push(code(cur.state));
    }
    current.set(id, { state, since: step });
  };
  for (let s = 0; s < steps.length; s++) {
    const end = s + 1 < steps.length ? steps[s + 1].firstEvent : events.length;
    const st = steps[s];
    if (st.kind === 'run' && st.actor !== undefined) {
      let blocks = false;
      for (let i = st.firstEvent; i < end && !blocks; i++) blocks = events[i].t === 'clockAdvanced';
      move(st.actor, blocks ? 'blocked' : 'running', s);
    }
    for (let i = st.firstEvent; i < end; i++) {
      const e = events[i];
      // A state reached inside step s shows from s + 1; the runner shows as running during s.
      if (e.t !== 'taskScheduled' && e.t !== 'taskWaiting' && e.t !== 'taskExited') continue;
      const at = e.actor === st.actor ? s + 1 : s;
      if (e.t === 'taskScheduled') move(e.actor, 'ready', at);
      else if (e.t === 'taskWaiting') move(e.actor, e.reason.kind === 'io' ? 'io' : 'waiting', at);
      else if (e.t === 'taskExited') move(e.actor, 'done', at);
    }
  }
  for (const [id, cur] of current) {
    const row = rows.get(id)!;
    if (cur.state !== 'done') {
      row.from.push(cur.since);
      row.to.push(steps.length);
      row.state.push(code(cur.state));
    }
  }
  const start = new Int32Array(rows.size + 1);
  let r = 0;
  for (const row of rows.values()) start[r + 1] = start[r++] + row.from.length;
  const from = new Int32Array(start[rows.size]);
  const to = new Int32Array(from.length);
  const state = new Uint8Array(from.length);
  r = 0;
  for (const row of rows.values()) {
    from.set(row.from, start[r]);
    to.set(row.to, start[r]);
    state.set(row.state, start[r++]);
  }
  const stepShare = steps.length > 0 && steps[steps.length - 1].time > 0 ? STEP_SHARE : 1;
  const times = Float64Array.from(steps, (st) => st.time);
  return {
    actors: Int32Array.from(rows.keys()),
    start,
    from,
    to,
    state,
    x: timelineAxis({ trace }),
    stepShare,
    times,
  };
}

/** The timeline of packed spans: rows are views on them, O(rows + spans) on the UI thread. */
export function timelineFrom(spans: TimelineSpans, rows = addRows([], spans, spans.actors.length)): Timeline {
  return { rows, x: spans.x, stepShare: spans.stepShare, times: spans.times };
}

/** Adds the next `count` rows of `spans` to `rows` (built a slice at a time on the UI thread). */
export function addRows(rows: TimelineRow[], spans: TimelineSpans, count: number): TimelineRow[] {
  const { actors, start, from, to, state } = spans;
  for (let r = rows.length, end = Math.min(actors.length, r + count); r < end; r++) {
    const [a, b] = [start[r], start[r + 1]];
    const states: SpanState[] = [];
    for (let i = a; i < b; i++) states.push(SPAN_STATES[state[i]]);
    rows.push({ actor: actors[r], from: from.subarray(a, b), to: to.subarray(a, b), state: states });
  }
  return rows;
}
