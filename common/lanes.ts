// Lane state at any step, folded from the trace's event log. Pure: the renderer's player,
// the CLI's --steps and the tests all call this. Keyframes bound a seek to one interval of
// events, so seeking a 200,000-step trace stays within a frame. A keyframe is compact: the
// spawned and done lists only ever grow, so it keeps their lengths (prefixes of the run's final
// lists) and holds waiting tasks and timers as flat arrays; and the interval grows with the
// number of actors, since a keyframe's size does (200,000 steps x 1,000 tasks: 35 MB -> ~2 MB).

import type { ActorId, Outcome, Trace, TraceEvent, WaitReason } from './trace';
import { outputIndexOf, type OutputIndex } from './outputIndex';

/** Steps between keyframes for small runs: a seek replays at most this many steps of events. */
export const KEYFRAME_INTERVAL = 256;
/** The interval stops growing here, so a seek's replay stays bounded on any run. A seek also
 * restores a keyframe, O(actors); up to this many steps' replay stays of that order for runs of
 * tens of thousands of tasks, whose keyframes would otherwise take most of the indexing
 * (100,000 tasks over 400,000 steps: 196 keyframes of 100,000 entries at 2,048). */
const MAX_KEYFRAME_INTERVAL = 16384;

/**
 * Steps between keyframes for a trace with this many actors: KEYFRAME_INTERVAL, doubled while
 * the actors outnumber it (a keyframe costs O(actors), a seek's replay O(interval)).
 */
export function keyframeInterval(actors: number): number {
  let k = KEYFRAME_INTERVAL;
  while (k < MAX_KEYFRAME_INTERVAL && k < actors) k *= 2;
  return k;
}

export interface Lanes {
  step: number;
  time: number;
  /** The ready queue, head first. */
  ready: ActorId[];
  running: ActorId | null;
  /** Tasks waiting, in the order they began to wait, with what they wait on. */
  waiting: { actor: ActorId; reason: WaitReason }[];
  /** Armed timers of plain callbacks (call_later/call_at, a sleep's timer), by deadline. */
  timers: { actor: ActorId; deadline: number }[];
  done: { actor: ActorId; outcome: Outcome }[];
  /** Tasks spawned so far (id order). */
  spawned: ActorId[];
  /** Length of stdout+stderr text printed up to and including this step. */
  outputLength: number;
}

/** The ready queue: `ids` from `head` on (taking the head moves `head`, not the whole array:
 * a queue of 100,000 tasks is taken from the front 100,000 times). */
interface ReadyQueue {
  ids: ActorId[];
  head: number;
  /** How many times each actor is in it: finishing tasks rarely are, and were looked for in all of it. */
  count: Map<ActorId, number>;
}

function countOf(ids: ArrayLike<ActorId>): Map<ActorId, number> {
  const count = new Map<ActorId, number>();
  for (let i = 0; i < ids.length; i++) count.set(ids[i], (count.get(ids[i]) ?? 0) + 1);
  return count;
}

interface FoldState {
  time: number;
  ready: ReadyQueue;
  running: ActorId | null;
  /** Each waiting task and the index of the taskWaiting event that says what it waits on. */
  waiting: Map<ActorId, number>;
  timers: Map<ActorId, number>;
  /** Each task done and the index of its taskExited event. */
  done: Map<ActorId, number>;
  spawned: ActorId[];
  outputLength: number;
}

/** The fold state at a keyframe step, compact (see the top of this file): typed arrays and
 * event indices only, so an index built in a worker moves to the UI thread by transfer. */
export interface Keyframe {
  time: number;
  ready: Int32Array;
  running: ActorId | null;
  waitingIds: Int32Array;
  /** Index of each waiting task's taskWaiting event, parallel to waitingIds. */
  waitingEvents: Int32Array;
  timerIds: Int32Array;
  timerDeadlines: Float64Array;
  /** Lengths of the prefixes of TraceIndex.doneEvents / spawnOrder that hold at this step. */
  done: number;
  spawned: number;
  outputLength: number;
}

/** A trace's lane index without the trace: what a worker builds and hands over (lanesData). */
export interface TraceIndexData {
  /** Steps between keyframes (keyframeInterval of the trace's actor count). */
  interval: number;
  keyframes: Keyframe[];
  /** The taskExited event of every task that is ever done, in the order they finished. */
  doneEvents: Int32Array;
  /** Every task spawned, in spawn order. */
  spawnOrder: Int32Array;
  /** Where the output is, for the console (outputIndex.ts). */
  output: OutputIndex;
}

export interface TraceIndex extends TraceIndexData {
  trace: Trace;
}

type Exited = Extract<TraceEvent, { t: 'taskExited' }>;
type Waiting = Extract<TraceEvent, { t: 'taskWaiting' }>;

function emptyState(): FoldState {
  return {
    time: 0,
    ready: { ids: [], head: 0, count: new Map() },
    running: null,
    waiting: new Map(),
    timers: new Map(),
    done: new Map(),
    spawned: [],
    outputLength: 0,
  };
}

function keyframe(s: FoldState): Keyframe {
  return {
    time: s.time,
    ready: Int32Array.from(readyIds(s.ready)),
    running: s.running,
    waitingIds: Int32Array.from(s.waiting.keys()),
    waitingEvents: Int32Array.from(s.waiting.values()),
    timerIds: Int32Array.from(s.timers.keys()),
    timerDeadlines: Float64Array.from(s.timers.values()),
    done: s.done.size,
    spawned: s.spawned.length,
    outputLength: s.outputLength,
  };
}

function restore(index: TraceIndex, k: Keyframe): FoldState {
  const { events } = index.trace;
  const waiting = new Map<ActorId, number>();
  for (let i = 0; i < k.waitingIds.length; i++) waiting.set(k.waitingIds[i], k.waitingEvents[i]);
  const timers = new Map<ActorId, number>();
  for (let i = 0; i < k.timerIds.length; i++) timers.set(k.timerIds[i], k.timerDeadlines[i]);
  const done = new Map<ActorId, number>();
  for (let i = 0; i < k.done; i++) {
    const e = index.doneEvents[i];
    done.set((events[e] as Exited).actor, e);
  }
  return {
    time: k.time,
    ready: { ids: Array.from(k.ready), head: 0, count: countOf(k.ready) },
    running: k.running,
    waiting,
    timers,
    done,
    spawned: Array.from(index.spawnOrder.subarray(0, k.spawned)),
    outputLength: k.outputLength,
  };
}

function readyIds(q: ReadyQueue): ActorId[] {
  return q.ids.slice(q.head);
}

function removeFromReady(s: FoldState, actor: ActorId): void {
  const q = s.ready;
  const n = q.count.get(actor);
  if (n === undefined) return;
  if (n > 1) q.count.set(actor, n - 1);
  else q.count.delete(actor);
  // The head is by far the common case (beforeTaskStep pops it).
  if (q.ids[q.head] === actor) {
    q.head++;
    // Drop the taken part once it is most of the array (amortised O(1) per take).
    if (q.head > 64 && q.head * 2 > q.ids.length) {
      q.ids = q.ids.slice(q.head);
      q.head = 0;
    }
  } else {
    const i = q.ids.indexOf(actor, q.head);
    if (i >= 0) q.ids.splice(i, 1);
  }
}

/** Folds event `i` (`e`) into the state. */
function apply(s: FoldState, e: TraceEvent, i: number): void {
  switch (e.t) {
    case 'taskSpawned':
      s.spawned.push(e.actor);
      break;
    case 'taskScheduled':
      s.waiting.delete(e.actor);
      s.timers.delete(e.actor);
      s.ready.ids.push(e.actor);
      s.ready.count.set(e.actor, (s.ready.count.get(e.actor) ?? 0) + 1);
      break;
    case 'handleCancelled':
      removeFromReady(s, e.actor);
      s.timers.delete(e.actor);
      break;
    case 'timerArmed':
      s.timers.set(e.actor, e.deadline);
      break;
    case 'beforeTaskStep':
      removeFromReady(s, e.actor);
      s.running = e.actor;
      break;
    case 'afterTaskStep':
      if (s.running === e.actor) s.running = null;
      break;
    case 'taskWaiting':
      s.waiting.delete(e.actor); // re-insert: order is "began waiting"
      s.waiting.set(e.actor, i);
      break;
    case 'taskExited':
      removeFromReady(s, e.actor);
      s.waiting.delete(e.actor);
      if (s.running === e.actor) s.running = null;
      s.done.set(e.actor, i);
      break;
    case 'clockAdvanced':
      s.time = e.to;
      break;
    case 'output':
      s.outputLength += e.text.length;
      break;
  }
}

function applyStep(trace: Trace, s: FoldState, step: number): void {
  const st = trace.steps[step];
  if (!st) return;
  s.time = st.time;
  const end = step + 1 < trace.steps.length ? trace.steps[step + 1].firstEvent : trace.events.length;
  for (let i = st.firstEvent; i < end; i++) apply(s, trace.events[i], i);
}

/** Builds keyframes and the output index once per trace; O(events). */
export function indexTrace(trace: Trace): TraceIndex {
  return { trace, ...lanesData(trace) };
}

/** indexTrace's work without the trace in its result (a worker builds it; withTrace joins them). */
export function lanesData(trace: Trace): TraceIndexData {
  const interval = keyframeInterval(trace.actors.length);
  const keyframes: Keyframe[] = [];
  const s = emptyState();
  for (let step = 0; step < trace.steps.length; step++) {
    if (step % interval === 0) keyframes.push(keyframe(s));
    applyStep(trace, s, step);
  }
  // done and spawned only grow (a Map keeps first-insertion order), so each keyframe's lists are
  // prefixes of the final ones.
  return {
    interval,
    keyframes,
    doneEvents: Int32Array.from(s.done.values()),
    spawnOrder: Int32Array.from(s.spawned),
    output: outputIndexOf(trace),
  };
}

/** The lanes after `step` has run (step 0 is the program's start). */
export function lanesAt(index: TraceIndex, step: number): Lanes {
  const { trace } = index;
  const last = trace.steps.length - 1;
  const at = Math.max(0, Math.min(step, last));
  const k = Math.floor(at / index.interval);
  const kf = index.keyframes[k];
  const s = kf ? restore(index, kf) : emptyState();
  for (let i = kf ? k * index.interval : 0; i <= at; i++) applyStep(trace, s, i);
  return toLanes(trace, s, at);
}

function toLanes(trace: Trace, s: FoldState, step: number): Lanes {
  const { events } = trace;
  return {
    step,
    time: s.time,
    ready: readyIds(s.ready),
    running: s.running,
    waiting: [...s.waiting].map(([actor, e]) => ({ actor, reason: (events[e] as Waiting).reason })),
    timers: [...s.timers]
      .map(([actor, deadline]) => ({ actor, deadline }))
      .sort((a, b) => a.deadline - b.deadline || a.actor - b.actor),
    done: [...s.done].map(([actor, e]) => ({ actor, outcome: (events[e] as Exited).outcome })),
    spawned: s.spawned.slice(),
    outputLength: s.outputLength,
  };
}

/** The lanes after each step in turn, folded once: O(events) for the whole walk (CLI --steps). */
export function* walkLanes(trace: Trace): Generator<Lanes> {
  const s = emptyState();
  for (let step = 0; step < trace.steps.length; step++) {
    applyStep(trace, s, step);
    yield toLanes(trace, s, step);
  }
}
