// What the inspector reads from a trace, indexed once (O(events)) so that any step, forward or
// back, is a few binary searches: each task's stacks (taskFrames) by step, each resource's
// holders and waiters by step, wake-ups, cancellations, exits and warnings. The one fold of the
// task state events: the inspector reads it, and so does `sim --at` (taskState.ts). Pure.
// Like common/lanes.ts it never replays the log at a seek; unlike lanes it needs no keyframes,
// because every one of these facts is a "last event at or before step" per actor or resource.
import type {
  ActorId,
  Frame,
  Outcome,
  ResourceId,
  ResourceKind,
  Trace,
  TraceEvent,
  WarningKind,
} from './trace';
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

/** Ascending steps with one entry each (the last of its step), parallel to `at`. */
interface History<T> {
  steps: number[];
  at: T[];
}

export interface TaskIndex {
  trace: Trace;
  frames: Map<ActorId, History<{ frames: Frame[]; capped: boolean }>>;
  resources: ResourceInfo[];
  resourceById: Map<ResourceId, ResourceInfo>;
  resourceStates: Map<ResourceId, History<ResourceState>>;
  /** Steps in which each task was appended to the ready queue (woken). */
  wakes: Map<ActorId, number[]>;
  /** Who cancelled each task, and when (the first cancel() counts). */
  cancels: Map<ActorId, { step: number; by?: ActorId }>;
  /** The step each task was made in. */
  spawns: Map<ActorId, number>;
  /** How each task ended, and when. */
  exits: Map<ActorId, { step: number; outcome: Outcome }>;
  warnings: PlacedWarning[];
}

function record<T>(map: Map<number, History<T>>, key: number, step: number, value: T): void {
  let h = map.get(key);
  if (!h) map.set(key, (h = { steps: [], at: [] }));
  if (h.steps[h.steps.length - 1] === step) h.at[h.at.length - 1] = value;
  else {
    h.steps.push(step);
    h.at.push(value);
  }
}

export function indexTasks(trace: Trace): TaskIndex {
  const index: TaskIndex = {
    trace,
    frames: new Map(),
    resources: [],
    resourceById: new Map(),
    resourceStates: new Map(),
    wakes: new Map(),
    cancels: new Map(),
    spawns: new Map(),
    exits: new Map(),
    warnings: [],
  };
  const { steps, events } = trace;
  for (let s = 0; s < steps.length; s++) {
    const end = s + 1 < steps.length ? steps[s + 1].firstEvent : events.length;
    for (let i = steps[s].firstEvent; i < end; i++) {
      const e = events[i];
      switch (e.t) {
        case 'taskFrames':
          record(index.frames, e.actor, s, { frames: e.frames, capped: !!e.capped });
          break;
        case 'resource':
          index.resources.push({ id: e.id, kind: e.kind, name: e.name, line: e.line, step: s });
          index.resourceById.set(e.id, index.resources[index.resources.length - 1]);
          break;
        case 'resourceState':
          record(index.resourceStates, e.id, s, { holders: e.holders, waiters: e.waiters, value: e.value });
          break;
        case 'taskScheduled': {
          const w = index.wakes.get(e.actor);
          if (!w) index.wakes.set(e.actor, [s]);
          else if (w[w.length - 1] !== s) w.push(s);
          break;
        }
        case 'taskCancelled':
          if (!index.cancels.has(e.actor)) index.cancels.set(e.actor, { step: s, by: e.by });
          break;
        case 'taskSpawned':
          if (!index.spawns.has(e.actor)) index.spawns.set(e.actor, s);
          break;
        case 'taskExited':
          index.exits.set(e.actor, { step: s, outcome: e.outcome });
          break;
        case 'warning':
          index.warnings.push({ step: s, kind: e.kind, event: e });
          break;
      }
    }
  }
  return index;
}

function latest<T>(h: History<T> | undefined, step: number): { value: T; step: number } | null {
  if (!h) return null;
  const i = lastAtOrBefore(h.steps, step);
  return i >= 0 ? { value: h.at[i], step: h.steps[i] } : null;
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
  const h = index.frames.get(actor);
  const now = latest(h, step);
  if (!h || !now) return null;
  const changed = new Set<string>();
  if (now.step === step) {
    const before = latest(h, step - 1);
    if (before) diffFrames(before.value.frames, now.value.frames, changed);
  }
  return { frames: now.value.frames, capped: now.value.capped, since: now.step, changed };
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
  const state = latest(index.resourceStates.get(id), step)?.value ?? { holders: [], waiters: [] };
  return { ...r, ...state };
}

/** Every resource made by `step`, with who holds it and who waits on it then. */
export function resourcesAt(index: TaskIndex, step: number): ResourceAt[] {
  const out: ResourceAt[] = [];
  for (const r of index.resources) {
    if (r.step > step) break; // made in step order
    const state = latest(index.resourceStates.get(r.id), step)?.value ?? { holders: [], waiters: [] };
    out.push({ ...r, ...state });
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

/** The index of a trace, built on first use and kept while the trace lives (the stage's wait
 * groups and the inspector share it). */
export function taskIndexOf(trace: Trace): TaskIndex {
  let index = cache.get(trace);
  if (!index) cache.set(trace, (index = indexTasks(trace)));
  return index;
}
