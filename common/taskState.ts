// Each task's state after a step, folded from the trace's task state events (taskFrames,
// resource, resourceState, taskCancelled) and its waits: its stack and locals, what it awaits,
// who awaits it, what it holds and waits on, who made and who cancelled it. Pure: `sim --at`
// prints it; the renderer's inspector keeps its own index of the same events
// (renderer/src/player/taskIndex.ts) and must agree with it. taskFrames are sent only when a
// task's stack changed, so a task's frames are the last ones sent up to the step.

import { foldWaitGraph, type WaitGraph } from './waitGraph';
import type { ActorId, Frame, Outcome, ResourceId, ResourceKind, Trace, WaitReason } from './trace';

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

/** The task state after `step` has run (events up to the next step's first). */
export function taskStateAt(trace: Trace, step: number): StateAt {
  const last = trace.steps.length - 1;
  const at = Math.max(0, Math.min(step, last));
  const end = at < last ? trace.steps[at + 1].firstEvent : trace.events.length;
  const tasks = new Map<ActorId, TaskState>();
  const resources = new Map<ResourceId, ResourceState>();
  const warnings: string[] = [];
  const task = (actor: ActorId): TaskState => {
    let t = tasks.get(actor);
    if (t === undefined)
      tasks.set(actor, (t = { actor, frames: [], capped: false, awaitedBy: [], holds: [] }));
    return t;
  };
  for (let i = 0; i < end; i++) {
    const e = trace.events[i];
    switch (e.t) {
      case 'taskSpawned':
        task(e.actor);
        break;
      case 'taskFrames': {
        const t = task(e.actor);
        t.frames = e.frames;
        t.capped = e.capped === true;
        break;
      }
      case 'taskExited':
        task(e.actor).outcome = e.outcome;
        break;
      case 'taskCancelled':
        task(e.actor).cancelledBy ??= e.by ?? 0;
        break;
      case 'resource':
        resources.set(e.id, { id: e.id, kind: e.kind, name: e.name, line: e.line, holders: [], waiters: [] });
        break;
      case 'resourceState': {
        const r = resources.get(e.id);
        if (r !== undefined) Object.assign(r, { holders: e.holders, waiters: e.waiters, value: e.value });
        break;
      }
      case 'warning':
        warnings.push(e.message);
        break;
    }
  }
  const graph = foldWaitGraph(trace.events, end);
  for (const [actor, reason] of graph.waits) {
    task(actor).waiting = reason;
    for (const target of reason.targets ?? []) task(target).awaitedBy.push(actor);
  }
  for (const r of resources.values()) for (const h of r.holders) task(h).holds.push(r.id);
  return { step: at, tasks, resources, graph, warnings };
}
