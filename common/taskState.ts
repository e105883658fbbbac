// Each task's state after a step, read from the trace's task index (taskIndex.ts, the one fold of
// the task state events, which the renderer's inspector reads too) and its waits: its stack and
// locals, what it awaits, who awaits it, what it holds and waits on, who made and who cancelled
// it. Pure: `sim --at` prints it. taskFrames are sent only when a task's stack changed, so a
// task's frames are the last ones sent up to the step.

import { foldWaitGraph, type WaitGraph } from './waitGraph';
import type {
  ActorId,
  Frame,
  Outcome,
  ResourceId,
  ResourceKind,
  Trace,
  TraceEvent,
  WaitReason,
} from './trace';
import { resourcesAt, stackAt, taskIndexOf } from './taskIndex';

type Exited = Extract<TraceEvent, { t: 'taskExited' }>;

export interface TaskState {
  actor: ActorId;
  /** Outermost first; empty before any was recorded (capture off, or a task not yet made). */
  frames: Frame[];
  capped: boolean;
  /** What it waits on now (absent: ready, running or done). */
  waiting?: WaitReason;
  /** Tasks whose wait names this one (gather, await task). */
  awaitedBy: ActorId[];
  /** Resources it holds. */
  holds: ResourceId[];
  /** Who called cancel() on it first, the cancel that took effect (0: a callback or the top
   *  level); a later cancel of a task already cancelling changes nothing. */
  cancelledBy?: ActorId;
  outcome?: Outcome;
}

export interface ResourceState {
  id: ResourceId;
  kind: ResourceKind;
  name: string;
  line?: number;
  holders: ActorId[];
  waiters: ActorId[];
  value?: string;
}

export interface StateAt {
  step: number;
  tasks: Map<ActorId, TaskState>;
  resources: Map<ResourceId, ResourceState>;
  graph: WaitGraph;
  /** The warnings recorded up to the step. */
  warnings: string[];
}

/** The task state after `step` has run (events up to the next step's first), read from the trace's task index. */
export function taskStateAt(trace: Trace, step: number): StateAt {
  const last = trace.steps.length - 1;
  const at = Math.max(0, Math.min(step, last));
  const end = at < last ? trace.steps[at + 1].firstEvent : trace.events.length;
  const index = taskIndexOf(trace);
  const tasks = new Map<ActorId, TaskState>();
  const task = (actor: ActorId): TaskState => {
    let t = tasks.get(actor);
    if (t === undefined)
      tasks.set(actor, (t = { actor, frames: [], capped: false, awaitedBy: [], holds: [] }));
    return t;
  };
  const { spawns, exits } = index;
  for (let i = 0; i < spawns.actor.length; i++) if (spawns.step[i] <= at) task(spawns.actor[i]);
  for (const actor of index.frames.data.keys) {
    const stack = stackAt(index, actor, at);
    if (stack === null) continue;
    const t = task(actor);
    t.frames = stack.frames;
    t.capped = stack.capped;
  }
  for (let i = 0; i < exits.actor.length; i++)
    if (exits.step[i] <= at) task(exits.actor[i]).outcome = (trace.events[exits.event[i]] as Exited).outcome;
  for (const [actor, cancel] of index.cancels)
    if (cancel.step <= at) task(actor).cancelledBy = cancel.by ?? 0;
  const resources = new Map<ResourceId, ResourceState>();
  for (const r of resourcesAt(index, at))
    resources.set(r.id, {
      id: r.id,
      kind: r.kind,
      name: r.name,
      line: r.line,
      holders: r.holders,
      waiters: r.waiters,
      value: r.value,
    });
  const warnings = index.warnings.filter((w) => w.step <= at).map((w) => w.event.message);
  const graph = foldWaitGraph(trace.events, end);
  for (const [actor, reason] of graph.waits) {
    task(actor).waiting = reason;
    for (const target of reason.targets ?? []) task(target).awaitedBy.push(actor);
  }
  for (const r of resources.values()) for (const h of r.holders) task(h).holds.push(r.id);
  return { step: at, tasks, resources, graph, warnings };
}
