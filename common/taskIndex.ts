// What the inspector reads from a trace, indexed once (O(events)) so that any step, forward or
// back, is a few binary searches: each task's stacks (taskFrames) by step, each resource's
// holders and waiters by step, wake-ups, cancellations, exits and warnings. The one fold of the
// task state events: the inspector reads it, and so does `sim --at` (taskState.ts). Pure.
// Like common/lanes.ts it never replays the log at a seek; unlike lanes it needs no keyframes,
// because every one of these facts is a "last event at or before step" per actor or resource.
// Its O(events) part (taskIndexData) is typed arrays of steps and event indices, so the trace
// worker builds it and the UI thread only joins it to the trace (taskIndexFrom).
import type { ActorId, Frame, ResourceId, ResourceKind, Trace, TraceEvent, WarningKind } from './trace';
import { ActorSteps, packActorSteps, type ActorStepsData } from './actorSteps';
import { lastAtOrBefore } from './stepSearch';

export type WarningEvent = Extract<TraceEvent, { t: 'warning' }>;

export interface ResourceInfo {
  id: ResourceId;
  kind: ResourceKind;
  name: string;
  line?: number;
  /** The step that made it. */
  step: number;
}

export interface ResourceState {
  holders: ActorId[];
  waiters: ActorId[];
  value?: string;
}

export interface PlacedWarning {
  step: number;
  kind: WarningKind;
  event: WarningEvent;
}

/** What indexTasks derives in O(events), as data a worker can hand over (typed arrays transfer). */
export interface TaskIndexData {
  /** Per task: the steps that recorded its stack, with that step's last taskFrames event. */
  frames: ActorStepsData;
  resources: ResourceInfo[];
  /** Per resource: the steps that changed its state, with that step's last resourceState event. */
  resourceStates: ActorStepsData;
  /** Steps in which each task was appended to the ready queue (woken). */
  wakes: ActorStepsData;
  /** Who cancelled each task, and when (the first cancel() counts). */
  cancels: Map<ActorId, { step: number; by?: ActorId }>;
  /** The step each task was made in, in the order they were made. */
  spawns: Spawns;
  /** When each task ended, and its taskExited event (its outcome), in the order they ended. */
  exits: Exits;
  /** Each warning's step, kind and event index. */
  warnings: { step: number; kind: WarningKind; event: number }[];
}

/** Columns, not a Map of objects: a big run's hundred thousand tasks move between threads as arrays. */
export interface Spawns {
  actor: Int32Array;
  step: Int32Array;
}

export interface Exits {
  actor: Int32Array;
  step: Int32Array;
  event: Int32Array;
}

export interface TaskIndex {
  trace: Trace;
  /** Values: the taskFrames event (TaskIndexData.frames). */
  frames: ActorSteps;
  resources: ResourceInfo[];
  resourceById: Map<ResourceId, ResourceInfo>;
  /** Values: the resourceState event (TaskIndexData.resourceStates). */
  resourceStates: ActorSteps;
  wakes: ActorSteps;
  cancels: Map<ActorId, { step: number; by?: ActorId }>;
  spawns: Spawns;
  exits: Exits;
  warnings: PlacedWarning[];
}

type FramesEvent = Extract<TraceEvent, { t: 'taskFrames' }>;
type StateEvent = Extract<TraceEvent, { t: 'resourceState' }>;

/** Per key, the last matching event of each step (`key` gives an event's key, or null). */
function lastOfStep(trace: Trace, key: (e: TraceEvent) => number | null): ActorStepsData {
  const { steps, events } = trace;
  const inStep = new Map<number, number>();
  return packActorSteps((add) => {
    for (let s = 0; s < steps.length; s++) {
      const end = s + 1 < steps.length ? steps[s + 1].firstEvent : events.length;
      for (let i = steps[s].firstEvent; i < end; i++) {
        const k = key(events[i]);
        if (k !== null) inStep.set(k, i);
      }
      for (const [k, i] of inStep) add(k, s, i);
      inStep.clear();
    }
  }, true);
}

export function indexTasks(trace: Trace): TaskIndex {
  return taskIndexFrom(trace, taskIndexData(trace));
}

/** The index's O(events) part (the trace worker runs this). */
export function taskIndexData(trace: Trace): TaskIndexData {
  const data: TaskIndexData = {
    frames: lastOfStep(trace, (e) => (e.t === 'taskFrames' ? e.actor : null)),
    resources: [],
    resourceStates: lastOfStep(trace, (e) => (e.t === 'resourceState' ? e.id : null)),
    wakes: lastOfStep(trace, (e) => (e.t === 'taskScheduled' ? e.actor : null)),
    cancels: new Map(),
    spawns: { actor: new Int32Array(), step: new Int32Array() },
    exits: { actor: new Int32Array(), step: new Int32Array(), event: new Int32Array() },
    warnings: [],
  };
  const spawned = new Map<ActorId, number>();
  const exits = { actor: [] as number[], step: [] as number[], event: [] as number[] };
  const { steps, events } = trace;
  for (let s = 0; s < steps.length; s++) {
    const end = s + 1 < steps.length ? steps[s + 1].firstEvent : events.length;
    for (let i = steps[s].firstEvent; i < end; i++) {
      const e = events[i];
      if (e.t === 'resource')
        data.resources.push({ id: e.id, kind: e.kind, name: e.name, line: e.line, step: s });
      else if (e.t === 'taskCancelled' && !data.cancels.has(e.actor))
        data.cancels.set(e.actor, { step: s, by: e.by });
      else if (e.t === 'taskSpawned' && !spawned.has(e.actor)) spawned.set(e.actor, s);
      else if (e.t === 'taskExited') {
        exits.actor.push(e.actor);
        exits.step.push(s);
        exits.event.push(i);
      } else if (e.t === 'warning') data.warnings.push({ step: s, kind: e.kind, event: i });
    }
  }
  data.spawns = { actor: Int32Array.from(spawned.keys()), step: Int32Array.from(spawned.values()) };
  data.exits = {
    actor: Int32Array.from(exits.actor),
    step: Int32Array.from(exits.step),
    event: Int32Array.from(exits.event),
  };
  return data;
}

/** The index from its trace and data: O(resources + warnings), the UI thread's share. */
export function taskIndexFrom(trace: Trace, data: TaskIndexData): TaskIndex {
  return {
    trace,
    frames: new ActorSteps(data.frames),
    resources: data.resources,
    resourceById: new Map(data.resources.map((r) => [r.id, r])),
    resourceStates: new ActorSteps(data.resourceStates),
    wakes: new ActorSteps(data.wakes),
    cancels: data.cancels,
    spawns: data.spawns,
    exits: data.exits,
    warnings: data.warnings.map((w) => ({ ...w, event: trace.events[w.event] as WarningEvent })),
  };
}

/** The event (by its index) in force for `key` at `step` and the step that recorded it, or null. */
function latest(lists: ActorSteps, key: number, step: number): { event: number; step: number } | null {
  const steps = lists.get(key);
  const values = lists.valuesOf(key);
  if (!steps || !values) return null;
  const i = lastAtOrBefore(steps, step);
  return i >= 0 ? { event: values[i], step: steps[i] } : null;
}

/** A resource's holders and waiters (and value) after `step`. */
function stateAt(index: TaskIndex, id: ResourceId, step: number): ResourceState {
  const at = latest(index.resourceStates, id, step);
  if (!at) return { holders: [], waiters: [] };
  const e = index.trace.events[at.event] as StateEvent;
  return { holders: e.holders, waiters: e.waiters, value: e.value };
}

export interface StackAt {
  frames: Frame[];
  capped: boolean;
  /** The step that recorded this stack (the task's last step at or before the cursor). */
  since: number;
  /** "frameIndex:name" of every local that differs from the task's previous stack; only when
   * the stack was recorded in this very step (values that changed in this step). */
  changed: Set<string>;
}

/** A task's stack with locals after `step`, or null before the engine recorded any. */
export function stackAt(index: TaskIndex, actor: ActorId, step: number): StackAt | null {
  const now = latest(index.frames, actor, step);
  if (!now) return null;
  const { events } = index.trace;
  const stack = events[now.event] as FramesEvent;
  const changed = new Set<string>();
  if (now.step === step) {
    const before = latest(index.frames, actor, step - 1);
    if (before) diffFrames((events[before.event] as FramesEvent).frames, stack.frames, changed);
  }
  return { frames: stack.frames, capped: !!stack.capped, since: now.step, changed };
}

/** Frames are matched by position from the outermost while their functions agree; a frame
 * that is new (a call went deeper, or another function) has all its locals changed. */
function diffFrames(before: Frame[], now: Frame[], changed: Set<string>): void {
  let same = true;
  now.forEach((frame, f) => {
    const old = same && before[f]?.fn === frame.fn ? before[f] : undefined;
    if (!old) same = false;
    const was = new Map(old?.locals ?? []);
    for (const [name, repr] of frame.locals) if (was.get(name) !== repr) changed.add(`${f}:${name}`);
  });
}

export interface ResourceAt extends ResourceInfo, ResourceState {}

/** One resource at `step`, or null before it was made. */
export function resourceAt(index: TaskIndex, id: ResourceId, step: number): ResourceAt | null {
  const r = index.resourceById.get(id);
  if (!r || r.step > step) return null;
  return { ...r, ...stateAt(index, id, step) };
}

/** Every resource made by `step`, with who holds it and who waits on it then. */
export function resourcesAt(index: TaskIndex, step: number): ResourceAt[] {
  const out: ResourceAt[] = [];
  for (const r of index.resources) {
    if (r.step > step) break; // made in step order
    out.push({ ...r, ...stateAt(index, r.id, step) });
  }
  return out;
}

/** The step the task was last woken (put in the ready queue) at or before `step`, or null. */
export function lastWake(index: TaskIndex, actor: ActorId, step: number): number | null {
  const w = index.wakes.get(actor);
  if (!w) return null;
  const i = lastAtOrBefore(w, step);
  return i >= 0 ? w[i] : null;
}

/** Warnings raised in exactly this step. */
export function warningsAt(index: TaskIndex, step: number): PlacedWarning[] {
  const all = index.warnings;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (all[mid].step < step) lo = mid + 1;
    else hi = mid;
  }
  const out: PlacedWarning[] = [];
  for (let i = lo; i < all.length && all[i].step === step; i++) out.push(all[i]);
  return out;
}

const cache = new WeakMap<Trace, TaskIndex>();

/** Keeps the index built elsewhere (by the trace worker) for `trace`. */
export function keepTaskIndex(trace: Trace, index: TaskIndex): void {
  cache.set(trace, index);
}

/** The index of a trace, built on first use and kept while the trace lives (the stage's wait
 * groups and the inspector share it). */
export function taskIndexOf(trace: Trace): TaskIndex {
  let index = cache.get(trace);
  if (!index) cache.set(trace, (index = indexTasks(trace)));
  return index;
}
