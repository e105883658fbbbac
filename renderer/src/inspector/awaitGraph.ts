// The await graph at a step: tasks and resources as nodes, "awaits" (a task waits on another
// task), "waits for" (a task waits on a lock, queue …) and "held by" (a resource's holder) as
// edges, and every cycle found in it, named in words ("alice -> lock checking held by bob ->
// lock savings held by alice"). Pure: from the lanes and the resources at the step.
import type { Lanes } from '../../../common/lanes';
import type { ActorId } from '../../../common/trace';
import type { ResourceAt } from './taskIndex';

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
  graph.cycles = findCycles(graph);
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

/** One cycle per strongly connected component (Tarjan's algorithm, iterative so a long chain
 * of awaits cannot overflow the stack), the shortest one back to its first task. */
export function findCycles(g: Pick<AwaitGraph, 'nodes' | 'edges'>): Cycle[] {
  const out = new Map<string, string[]>();
  for (const e of g.edges) {
    let list = out.get(e.from);
    if (!list) out.set(e.from, (list = []));
    list.push(e.to);
  }
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  for (const root of g.nodes) {
    if (order.has(root.id)) continue;
    const work: { node: string; next: number }[] = [{ node: root.id, next: 0 }];
    order.set(root.id, counter);
    low.set(root.id, counter++);
    stack.push(root.id);
    onStack.add(root.id);
    while (work.length) {
      const top = work[work.length - 1];
      const succ = out.get(top.node) ?? [];
      if (top.next < succ.length) {
        const w = succ[top.next++];
        if (!order.has(w)) {
          order.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, order.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === order.get(top.node)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.node);
        const selfLoop = comp.length === 1 && (out.get(w) ?? []).includes(w);
        if (comp.length > 1 || selfLoop) components.push(comp);
      }
    }
  }
  const nodeOf = new Map(g.nodes.map((n) => [n.id, n]));
  const cycles: Cycle[] = [];
  for (const comp of components) {
    const inComp = new Set(comp);
    const tasks = comp.filter((id) => nodeOf.get(id)?.kind === 'task');
    const start = (tasks.length ? tasks : comp).sort(byNodeOrder(g))[0];
    const path = shortestCycle(start, out, inComp);
    cycles.push({ nodes: path, text: cycleText(path, nodeOf) });
  }
  return cycles;
}

function byNodeOrder(g: Pick<AwaitGraph, 'nodes'>): (a: string, b: string) => number {
  const pos = new Map(g.nodes.map((n, i) => [n.id, i]));
  return (a, b) => pos.get(a)! - pos.get(b)!;
}

/** Breadth first from `start` back to it, inside its component. */
function shortestCycle(start: string, out: Map<string, string[]>, inComp: Set<string>): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const w of out.get(queue[i]) ?? []) {
      if (!inComp.has(w)) continue;
      if (w === start) {
        const path = [queue[i]];
        while (path[0] !== start) path.unshift(prev.get(path[0])!);
        return path;
      }
      if (!prev.has(w)) {
        prev.set(w, queue[i]);
        queue.push(w);
      }
    }
  }
  return [start];
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
