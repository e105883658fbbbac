// Lane state at any step, folded from the trace's event log. Pure: the renderer's player,
// the CLI's --steps and the tests all call this. Keyframes bound a seek to one interval of
// events, so seeking a 200,000-step trace stays within a frame. A keyframe is compact: the
// spawned and done lists only ever grow, so it keeps their lengths (prefixes of the run's final
// lists) and holds waiting tasks and timers as flat arrays; and the interval grows with the
// number of actors, since a keyframe's size does (200,000 steps x 1,000 tasks: 35 MB -> ~2 MB).

import type { ActorId, Outcome, Trace, TraceEvent, WaitReason } from './trace';

/** Steps between keyframes for small runs: a seek replays at most this many steps of events. */
export const KEYFRAME_INTERVAL = 256;
/** The interval stops growing here, so a seek's replay stays bounded on any run. */
const MAX_KEYFRAME_INTERVAL = 2048;

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

interface FoldState {
  time: number;
  ready: ActorId[];
  running: ActorId | null;
  waiting: Map<ActorId, WaitReason>;
  timers: Map<ActorId, number>;
  done: Map<ActorId, Outcome>;
  spawned: ActorId[];
  outputLength: number;
}

/** The fold state at a keyframe step, compact (see the top of this file). */
interface Keyframe {
  time: number;
  ready: ActorId[];
  running: ActorId | null;
  waitingIds: Int32Array;
  waitingReasons: WaitReason[];
  timerIds: Int32Array;
  timerDeadlines: Float64Array;
  /** Lengths of the prefixes of TraceIndex.doneOrder / spawnOrder that hold at this step. */
  done: number;
  spawned: number;
  outputLength: number;
}

export interface TraceIndex {
  trace: Trace;
  /** Steps between keyframes (keyframeInterval of the trace's actor count). */
  interval: number;
  keyframes: Keyframe[];
  /** Every task that is ever done, in the order it finished, with its outcome. */
  doneOrder: [ActorId, Outcome][];
  /** Every task spawned, in spawn order. */
  spawnOrder: ActorId[];
  /** Concatenated output with each chunk's start offset, for the console. */
  output: { stream: 'stdout' | 'stderr'; text: string; offset: number; step: number; dropped?: number }[];
}

function emptyState(): FoldState {
  return {
    time: 0,
    ready: [],
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
    ready: s.ready.slice(),
    running: s.running,
    waitingIds: Int32Array.from(s.waiting.keys()),
    waitingReasons: [...s.waiting.values()],
    timerIds: Int32Array.from(s.timers.keys()),
    timerDeadlines: Float64Array.from(s.timers.values()),
    done: s.done.size,
    spawned: s.spawned.length,
    outputLength: s.outputLength,
  };
}

function restore(index: TraceIndex, k: Keyframe): FoldState {
  const waiting = new Map<ActorId, WaitReason>();
  for (let i = 0; i < k.waitingIds.length; i++) waiting.set(k.waitingIds[i], k.waitingReasons[i]);
  const timers = new Map<ActorId, number>();
  for (let i = 0; i < k.timerIds.length; i++) timers.set(k.timerIds[i], k.timerDeadlines[i]);
  return {
    time: k.time,
    ready: k.ready.slice(),
    running: k.running,
    waiting,
    timers,
    done: new Map(index.doneOrder.slice(0, k.done)),
    spawned: index.spawnOrder.slice(0, k.spawned),
    outputLength: k.outputLength,
  };
}

function removeFromReady(s: FoldState, actor: ActorId): void {
  // The head is by far the common case (beforeTaskStep pops it).
  if (s.ready[0] === actor) s.ready.shift();
  else {
    const i = s.ready.indexOf(actor);
    if (i >= 0) s.ready.splice(i, 1);
  }
}

function apply(s: FoldState, e: TraceEvent): void {
  switch (e.t) {
    case 'taskSpawned':
      s.spawned.push(e.actor);
      break;
    case 'taskScheduled':
      s.waiting.delete(e.actor);
      s.timers.delete(e.actor);
      s.ready.push(e.actor);
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
      s.waiting.set(e.actor, e.reason);
      break;
    case 'taskExited':
      removeFromReady(s, e.actor);
      s.waiting.delete(e.actor);
      if (s.running === e.actor) s.running = null;
      s.done.set(e.actor, e.outcome);
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
  for (let i = st.firstEvent; i < end; i++) apply(s, trace.events[i]);
}

/** Builds keyframes and the output index once per trace; O(events). */
export function indexTrace(trace: Trace): TraceIndex {
  const interval = keyframeInterval(trace.actors.length);
  const keyframes: Keyframe[] = [];
  const output: TraceIndex['output'] = [];
  const s = emptyState();
  let offset = 0;
  for (let step = 0; step < trace.steps.length; step++) {
    if (step % interval === 0) keyframes.push(keyframe(s));
    const st = trace.steps[step];
    const end = step + 1 < trace.steps.length ? trace.steps[step + 1].firstEvent : trace.events.length;
    for (let i = st.firstEvent; i < end; i++) {
      const e = trace.events[i];
      if (e.t === 'output') {
        output.push({ stream: e.stream, text: e.text, offset, step });
        offset += e.text.length;
      } else if (e.t === 'outputDropped' && e.chars > 0) {
        // Where the output cap's kept head ends: the lines not kept (engine/core/output-cut.ts).
        output.push({ stream: 'stdout', text: '', offset, step, dropped: e.lines });
      }
    }
    applyStep(trace, s, step);
  }
  // done and spawned only grow (a Map keeps first-insertion order), so each keyframe's lists are
  // prefixes of the final ones.
  return { trace, interval, keyframes, doneOrder: [...s.done], spawnOrder: s.spawned, output };
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
  return toLanes(s, at);
}

function toLanes(s: FoldState, step: number): Lanes {
  return {
    step,
    time: s.time,
    ready: s.ready.slice(),
    running: s.running,
    waiting: [...s.waiting].map(([actor, reason]) => ({ actor, reason })),
    timers: [...s.timers]
      .map(([actor, deadline]) => ({ actor, deadline }))
      .sort((a, b) => a.deadline - b.deadline || a.actor - b.actor),
    done: [...s.done].map(([actor, outcome]) => ({ actor, outcome })),
    spawned: s.spawned.slice(),
    outputLength: s.outputLength,
  };
}

/** The lanes after each step in turn, folded once: O(events) for the whole walk (CLI --steps). */
export function* walkLanes(trace: Trace): Generator<Lanes> {
  const s = emptyState();
  for (let step = 0; step < trace.steps.length; step++) {
    applyStep(trace, s, step);
    yield toLanes(s, step);
  }
}

/** Output printed up to and including `step`, as chunks. */
export function outputUpTo(index: TraceIndex, step: number): TraceIndex['output'] {
  let lo = 0;
  let hi = index.output.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.output[mid].step <= step) lo = mid + 1;
    else hi = mid;
  }
  return index.output.slice(0, lo);
}
