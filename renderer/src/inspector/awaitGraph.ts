// The await graph at a step: tasks and resources as nodes, "awaits" (a task waits on another
// task), "waits for" (a task waits on a lock, queue …) and "held by" (a resource's holder) as
// edges, and every cycle found in it, named in words ("alice -> lock checking held by bob ->
// lock savings held by alice"). Pure: from the lanes and the resources at the step; the cycles
// come from common/waitGraph.ts, as the engine's deadlockCycle warning does.
import type { Lanes } from '../../../common/lanes';
import type { ActorId } from '../../../common/trace';
import { findWaitCycle, type WaitGraph } from '../../../common/waitGraph';
import type { ResourceAt } from '../player/taskIndex';

export type EdgeKind = 'awaits' | 'waitsFor' | 'heldBy';

export interface GraphNode {
  /** "t3" for task 3, "r1" for resource 1. */
  id: string;
  kind: 'task' | 'resource';
  label: string;
  /** Second line: the task's state, or the resource's kind and value. */
  detail: string;
  actor?: ActorId;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  inCycle: boolean;
}

export interface Cycle {
  /** Node ids in order, starting at a task; the last one leads back to the first. */
  nodes: string[];
  text: string;
}

export interface AwaitGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  cycles: Cycle[];
}

export interface GraphInput {
  lanes: Lanes;
  resources: ResourceAt[];
  /** The program's tasks (asyncio's own left out): only these become task nodes. */
  tasks: readonly ActorId[];
  label: (actor: ActorId) => string;
}

export const taskNode = (actor: ActorId): string => `t${actor}`;
export const resourceNode = (id: number): string => `r${id}`;

export function awaitGraph({ lanes, resources, tasks, label }: GraphInput): AwaitGraph {
  const user = new Set(tasks);
  const done = new Set(lanes.done.map((d) => d.actor));
  const ready = new Set(lanes.ready);
  const waitingOn = new Map(lanes.waiting.map((w) => [w.actor, w.reason]));
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const addTask = (actor: ActorId) => {
    const id = taskNode(actor);
    if (!nodes.has(id)) {
      const reason = waitingOn.get(actor);
      const detail = done.has(actor)
        ? 'done'
        : lanes.running === actor
          ? 'running'
          : reason
            ? `waits: ${reason.expr}`
            : ready.has(actor)
              ? 'ready'
              : 'created';
      nodes.set(id, { id, kind: 'task', label: label(actor), detail, actor });
    }
    return id;
  };
  const edge = (from: string, to: string, kind: EdgeKind) =>
    edges.set(`${from}>${to}`, { from, to, kind, inCycle: false });

  for (const actor of lanes.spawned) if (user.has(actor) && !done.has(actor)) addTask(actor);
  const names = resourceLabels(resources);
  const byId = new Map(resources.map((r) => [r.id, r]));
  const addResource = (r: ResourceAt) => {
    const id = resourceNode(r.id);
    if (!nodes.has(id))
      nodes.set(id, { id, kind: 'resource', label: names.get(r.id)!, detail: r.value ?? r.kind });
    return id;
  };
  for (const { actor, reason } of lanes.waiting) {
    if (!user.has(actor)) continue;
    if (reason.kind === 'task')
      for (const t of reason.targets ?? []) if (!done.has(t)) edge(addTask(actor), addTask(t), 'awaits');
    const r = reason.resource !== undefined ? byId.get(reason.resource) : undefined;
    if (r) edge(addTask(actor), addResource(r), 'waitsFor');
  }
  for (const r of resources) {
    if (r.holders.length === 0 && r.waiters.length === 0) continue;
    const id = addResource(r);
    for (const w of r.waiters) if (user.has(w)) edge(addTask(w), id, 'waitsFor');
    for (const h of r.holders) if (user.has(h)) edge(id, addTask(h), 'heldBy');
  }

  const graph = { nodes: [...nodes.values()], edges: [...edges.values()], cycles: [] as Cycle[] };
  graph.cycles = findCycles({ lanes, resources, tasks, label }, nodes);
  const cycleEdges = new Set(
    graph.cycles.flatMap((c) => c.nodes.map((n, i) => `${n}>${c.nodes[(i + 1) % c.nodes.length]}`)),
  );
  for (const e of graph.edges) e.inCycle = cycleEdges.has(`${e.from}>${e.to}`);
  return graph;
}

/** "lock savings"; two resources of one kind and name get their ids ("lock second_lock #2"). */
function resourceLabels(resources: ResourceAt[]): Map<number, string> {
  const base = (r: ResourceAt) => `${r.kind} ${r.name}`;
  const count = new Map<string, number>();
  for (const r of resources) count.set(base(r), (count.get(base(r)) ?? 0) + 1);
  return new Map(resources.map((r) => [r.id, count.get(base(r))! > 1 ? `${base(r)} #${r.id}` : base(r)]));
}

/**
 * Every cycle of waits, each named once: common/waitGraph's finder (the one the engine's
 * deadlockCycle warning uses) run again without the tasks of the cycles already found.
 */
export function findCycles(input: GraphInput, nodes: Map<string, GraphNode>): Cycle[] {
  const user = new Set(input.tasks);
  const g: WaitGraph = {
    waits: new Map(input.lanes.waiting.filter((w) => user.has(w.actor)).map((w) => [w.actor, w.reason])),
    holders: new Map(input.resources.map((r) => [r.id, r.holders])),
    resources: new Map(input.resources.map((r) => [r.id, r])),
  };
  const cycles: Cycle[] = [];
  for (let links = findWaitCycle(g); links; links = findWaitCycle(g)) {
    const path = links.flatMap((l) =>
      l.resource !== undefined ? [taskNode(l.actor), resourceNode(l.resource)] : [taskNode(l.actor)],
    );
    cycles.push({ nodes: path, text: cycleText(path, nodes) });
    for (const l of links) g.waits.delete(l.actor);
  }
  return cycles;
}

/** "alice -> lock checking held by bob -> lock savings held by alice" (a resource hop names
 * its holder; a task hop is an await: "main -> awaits worker -> awaits main"). */
function cycleText(path: string[], nodeOf: Map<string, GraphNode>): string {
  const name = (id: string) => nodeOf.get(id)?.label ?? id;
  const parts = [name(path[0])];
  for (let i = 1; i <= path.length; i++) {
    const id = path[i % path.length];
    const node = nodeOf.get(id);
    if (node?.kind === 'resource') {
      const holder = path[(i + 1) % path.length];
      parts.push(`${name(id)} held by ${name(holder)}`);
      i++;
    } else parts.push(`awaits ${name(id)}`);
  }
  return parts.join(' -> ');
}
