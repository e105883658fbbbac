// What the virtual world did beside the tasks, folded from the trace's threadJob and bytesSent
// events: which worker thread runs which job at a step, and which bytes are in flight. Pure and
// indexed once per trace, like lanes.ts; a step's question scans only the events that can
// answer it (in flight: the sends of the last maxSpan seconds), so 1,000 clients stay cheap.

import type { Trace } from './trace';

/** asyncio's own thread jobs (asyncio.run shutting its default executor down). */
const INTERNAL_JOBS = new Set(['BaseEventLoop._do_shutdown']);

export interface ThreadJob {
  thread: string;
  job: string;
  /** asyncio's plumbing, not the program's: shown only with internals on. */
  internal: boolean;
  start: number;
  end: number;
  /** The step that submitted or started it. */
  step: number;
}

export interface Send {
  from: string;
  to: string;
  bytes: number;
  sent: number;
  arrives: number;
  step: number;
}

export interface IoIndex {
  jobs: ThreadJob[];
  sends: Send[];
  /** Threads in the order their first job came; `threads` leaves out those that ran only
   * asyncio's own jobs. */
  threads: string[];
  allThreads: string[];
  /** The time each send's step began, parallel to sends (sends are in step order). */
  sendStepTime: Float64Array;
  /** The longest time from a send's step to its arrival: older sends have all arrived. */
  maxSpan: number;
  /** The most messages in flight at any one time (a sweep over [sent, arrives)). */
  maxInFlight: number;
}

function mostAtOnce(sends: readonly Send[]): number {
  const edges: [number, number][] = [];
  for (const s of sends) edges.push([s.sent, 1], [s.arrives, -1]);
  // An arrival at the instant of another send frees its place first.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let n = 0;
  let most = 0;
  for (const [, d] of edges) most = Math.max(most, (n += d));
  return most;
}

export function indexIo(trace: Trace): IoIndex {
  const jobs: ThreadJob[] = [];
  const sends: Send[] = [];
  const times: number[] = [];
  const threads: string[] = [];
  const allThreads: string[] = [];
  const seen = new Set<string>();
  const seenAll = new Set<string>();
  let maxSpan = 0;
  const { steps, events } = trace;
  for (let s = 0; s < steps.length; s++) {
    const end = s + 1 < steps.length ? steps[s + 1].firstEvent : events.length;
    for (let i = steps[s].firstEvent; i < end; i++) {
      const e = events[i];
      if (e.t === 'threadJob') {
        const internal = INTERNAL_JOBS.has(e.job);
        jobs.push({ thread: e.thread, job: e.job, internal, start: e.start, end: e.end, step: s });
        if (!seenAll.has(e.thread)) {
          seenAll.add(e.thread);
          allThreads.push(e.thread);
        }
        if (!internal && !seen.has(e.thread)) {
          seen.add(e.thread);
          threads.push(e.thread);
        }
      } else if (e.t === 'bytesSent') {
        sends.push({ from: e.from, to: e.to, bytes: e.bytes, sent: e.sent, arrives: e.arrives, step: s });
        times.push(steps[s].time);
        maxSpan = Math.max(maxSpan, e.arrives - steps[s].time);
      }
    }
  }
  return {
    jobs,
    sends,
    threads,
    allThreads,
    sendStepTime: Float64Array.from(times),
    maxSpan,
    maxInFlight: mostAtOnce(sends),
  };
}

/** Number of items whose step is <= step (items are in step order). */
function upTo(items: readonly { step: number }[], step: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].step <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface ThreadRow {
  thread: string;
  /** The job it runs at this time, or null: idle (or not picked up its next job yet). */
  job: ThreadJob | null;
  /** Jobs already submitted to it that start later (waiting for it to be free). */
  queued: number;
  /** Jobs it has finished by this time. */
  finished: number;
}

/** Every thread known by `step`, in order of its first job, at virtual time `time`; asyncio's
 * own jobs only with `internals`. */
export function threadsAt(io: IoIndex, step: number, time: number, internals = false): ThreadRow[] {
  const n = upTo(io.jobs, step);
  const rows = new Map<string, ThreadRow>();
  for (let i = 0; i < n; i++) {
    const j = io.jobs[i];
    if (j.internal && !internals) continue;
    let row = rows.get(j.thread);
    if (!row) rows.set(j.thread, (row = { thread: j.thread, job: null, queued: 0, finished: 0 }));
    if (j.end <= time && j.start < time) row.finished++;
    else if (j.start > time) row.queued++;
    else row.job = j;
  }
  return io.allThreads.filter((t) => rows.has(t)).map((t) => rows.get(t)!);
}

/** Sends recorded by `step` that have left and not yet arrived at `time`, earliest arrival first. */
export function inFlightAt(io: IoIndex, step: number, time: number): Send[] {
  const out: Send[] = [];
  for (let i = upTo(io.sends, step) - 1; i >= 0 && io.sendStepTime[i] >= time - io.maxSpan; i--) {
    const s = io.sends[i];
    if (s.sent <= time && s.arrives > time) out.push(s);
  }
  return out.sort((a, b) => a.arrives - b.arrives || a.step - b.step);
}

/** Sends recorded by `step` that arrive in (from, to]: what a clock jump from `from` to `to` met. */
export function arrivalsIn(io: IoIndex, step: number, from: number, to: number): Send[] {
  const out: Send[] = [];
  for (let i = upTo(io.sends, step) - 1; i >= 0 && io.sendStepTime[i] >= from - io.maxSpan; i--) {
    const s = io.sends[i];
    if (s.arrives > from && s.arrives <= to) out.push(s);
  }
  return out.sort((a, b) => a.arrives - b.arrives || a.step - b.step);
}
