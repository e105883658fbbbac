// Who waits for whom, folded from a trace's events: a task waits for the tasks it awaits
// (WaitReason.targets) and for the holders of the lock, semaphore... it waits on
// (WaitReason.resource, resourceState.holders). A cycle in it is a deadlock no timer can end.
// Pure: the engine writes the deadlockCycle warning with it, the renderer draws the await graph.

import type { ActorId, ResourceId, TraceEvent, WaitReason } from './trace';

export interface WaitGraph {
  /** What each task waits on now (tasks that run again or finish leave). */
  waits: Map<ActorId, WaitReason>;
  /** Each resource's holders now. */
  holders: Map<ResourceId, ActorId[]>;
  /** Each resource's kind and name. */
  resources: Map<ResourceId, { kind: string; name: string }>;
}

/** One link of a cycle: `actor` waits on `resource` (held by the next link's actor), or, with
 * no resource, awaits the next link's actor. */
export interface CycleLink {
  actor: ActorId;
  resource?: ResourceId;
}

/** The wait graph after `events[0 .. end)`. */
export function foldWaitGraph(events: readonly TraceEvent[], end = events.length): WaitGraph {
  const g: WaitGraph = { waits: new Map(), holders: new Map(), resources: new Map() };
  for (let i = 0; i < end; i++) {
    const e = events[i];
    switch (e.t) {
      case 'taskWaiting':
        g.waits.set(e.actor, e.reason);
        break;
      case 'beforeTaskStep':
      case 'taskExited':
        g.waits.delete(e.actor);
        break;
      case 'resource':
        g.resources.set(e.id, { kind: e.kind, name: e.name });
        break;
      case 'resourceState':
        g.holders.set(e.id, e.holders);
        break;
    }
  }
  return g;
}

/** The tasks `actor` waits for, each with the resource it goes through (if any). */
export function waitEdges(g: WaitGraph, actor: ActorId): CycleLink[] {
  const reason = g.waits.get(actor);
  if (reason === undefined) return [];
  const out: CycleLink[] = [];
  if (reason.resource !== undefined)
    for (const h of g.holders.get(reason.resource) ?? [])
      if (h !== actor) out.push({ actor: h, resource: reason.resource });
  for (const t of reason.targets ?? []) out.push({ actor: t });
  return out;
}

/**
 * The first cycle of waits found (tasks in order of their ids), as links from each task to the
 * next: [{alice, savings lock}, {bob, checking lock}] says alice waits on a lock bob holds and
 * bob on one alice holds. Null when no task waits in a cycle.
 */
export function findWaitCycle(g: WaitGraph): CycleLink[] | null {
  const state = new Map<ActorId, 'open' | 'done'>();
  const path: CycleLink[] = [];
  const visit = (actor: ActorId): CycleLink[] | null => {
    state.set(actor, 'open');
    for (const edge of waitEdges(g, actor)) {
      path.push({ actor, resource: edge.resource });
      const s = state.get(edge.actor);
      if (s === 'open') {
        const from = path.findIndex((l) => l.actor === edge.actor);
        return path.slice(from).map((l) => (l.resource === undefined ? { actor: l.actor } : l));
      }
      if (s === undefined) {
        const found = visit(edge.actor);
        if (found) return found;
      }
      path.pop();
    }
    state.set(actor, 'done');
    return null;
  };
  for (const actor of [...g.waits.keys()].sort((a, b) => a - b)) {
    if (state.has(actor)) continue;
    const found = visit(actor);
    if (found) return found;
  }
  return null;
}

/** "alice waits for lock checking held by bob, who waits for lock savings held by alice". */
export function describeCycle(g: WaitGraph, cycle: CycleLink[], nameOf: (a: ActorId) => string): string {
  const parts = cycle.map((link, i) => {
    const next = nameOf(cycle[(i + 1) % cycle.length].actor);
    const r = link.resource !== undefined ? g.resources.get(link.resource) : undefined;
    const what =
      link.resource === undefined
        ? `task ${next}`
        : `${r?.kind ?? 'resource'} ${r?.name ?? link.resource} held by ${next}`;
    return `${i === 0 ? nameOf(link.actor) : 'who'} waits for ${what}`;
  });
  return parts.join(', ');
}
