// Where the await graph's boxes and arrows go: layered top to bottom (a waiter above what it
// waits for), so a chain reads downwards and a cycle's closing edge is the one arrow that
// climbs back up on the side. Pure maths, drawn as SVG by AwaitGraph.svelte; no graph library,
// since a step's graph has a handful of nodes.
import type { AwaitGraph, GraphEdge, GraphNode } from './awaitGraph';

export const NODE_W = 132;
export const NODE_H = 38;
const GAP_X = 18;
const GAP_Y = 46;
/** A layer wider than this wraps onto another row (a gather of 50 children stays readable). */
const PER_ROW = 4;
const MARGIN = 12;

export interface PlacedNode extends GraphNode {
  x: number;
  y: number;
}

export interface PlacedEdge extends GraphEdge {
  /** SVG path data. */
  d: string;
  /** Where its label sits. */
  lx: number;
  ly: number;
  /** Drawn back up the side: it closes a cycle. */
  back: boolean;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export function layoutGraph(g: AwaitGraph): GraphLayout {
  const out = new Map<string, string[]>();
  const indeg = new Map<string, number>(g.nodes.map((n) => [n.id, 0]));
  for (const e of g.edges) {
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    indeg.set(e.to, (indeg.get(e.to) ?? 0) + 1);
  }
  // Depth-first from the nodes nothing points at (then from any left, all in cycles): an edge
  // to a node still on the path is a back edge; the rest form a DAG.
  const back = new Set<string>();
  const state = new Map<string, 1 | 2>();
  const visit = (root: string) => {
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 1);
    while (work.length) {
      const top = work[work.length - 1];
      const succ = out.get(top.node) ?? [];
      if (top.next >= succ.length) {
        state.set(top.node, 2);
        work.pop();
        continue;
      }
      const w = succ[top.next++];
      if (state.get(w) === 1) back.add(`${top.node}>${w}`);
      else if (!state.has(w)) {
        state.set(w, 1);
        work.push({ node: w, next: 0 });
      }
    }
  };
  for (const n of g.nodes) if (indeg.get(n.id) === 0 && !state.has(n.id)) visit(n.id);
  for (const n of g.nodes) if (!state.has(n.id)) visit(n.id);

  // Longest path from the sources over forward edges (Kahn's order).
  const rank = new Map<string, number>(g.nodes.map((n) => [n.id, 0]));
  const fwd = g.edges.filter((e) => !back.has(`${e.from}>${e.to}`));
  const left = new Map<string, number>(g.nodes.map((n) => [n.id, 0]));
  for (const e of fwd) left.set(e.to, left.get(e.to)! + 1);
  const queue = g.nodes.filter((n) => left.get(n.id) === 0).map((n) => n.id);
  for (let i = 0; i < queue.length; i++) {
    for (const e of fwd) {
      if (e.from !== queue[i]) continue;
      rank.set(e.to, Math.max(rank.get(e.to)!, rank.get(e.from)! + 1));
      left.set(e.to, left.get(e.to)! - 1);
      if (left.get(e.to) === 0) queue.push(e.to);
    }
  }
  // Nodes without any edge go last, in a row of their own: they wait on nothing shown here.
  const linked = new Set(g.edges.flatMap((e) => [e.from, e.to]));
  const maxRank = Math.max(0, ...[...rank.entries()].filter(([id]) => linked.has(id)).map(([, r]) => r));
  const layers: GraphNode[][] = [];
  for (const n of g.nodes) {
    const r = linked.has(n.id) ? rank.get(n.id)! : linked.size ? maxRank + 1 : 0;
    (layers[r] ??= []).push(n);
  }
  const rows: GraphNode[][] = [];
  for (const layer of layers) {
    if (!layer) continue;
    for (let i = 0; i < layer.length; i += PER_ROW) rows.push(layer.slice(i, i + PER_ROW));
  }
  const widest = Math.max(1, ...rows.map((r) => r.length));
  const width = 2 * MARGIN + widest * NODE_W + (widest - 1) * GAP_X + NODE_W / 2;
  const placed = new Map<string, PlacedNode>();
  rows.forEach((row, r) => {
    const rowW = row.length * NODE_W + (row.length - 1) * GAP_X;
    const x0 = MARGIN + (width - 2 * MARGIN - NODE_W / 2 - rowW) / 2;
    row.forEach((n, i) =>
      placed.set(n.id, { ...n, x: x0 + i * (NODE_W + GAP_X), y: MARGIN + r * (NODE_H + GAP_Y) }),
    );
  });
  const height = 2 * MARGIN + rows.length * NODE_H + Math.max(0, rows.length - 1) * GAP_Y;
  const edges = g.edges.map((e) =>
    edgePath(e, placed.get(e.from)!, placed.get(e.to)!, back.has(`${e.from}>${e.to}`)),
  );
  return { width, height, nodes: [...placed.values()], edges };
}

function edgePath(e: GraphEdge, a: PlacedNode, b: PlacedNode, isBack: boolean): PlacedEdge {
  if (!isBack && b.y > a.y) {
    const x1 = a.x + NODE_W / 2;
    const y1 = a.y + NODE_H;
    const x2 = b.x + NODE_W / 2;
    const y2 = b.y;
    return { ...e, back: false, d: `M${x1},${y1} L${x2},${y2}`, lx: (x1 + x2) / 2 + 4, ly: (y1 + y2) / 2 };
  }
  if (!isBack && b.y === a.y) {
    // Same row (a wrapped layer): side to side.
    const [x1, x2] = b.x > a.x ? [a.x + NODE_W, b.x] : [a.x, b.x + NODE_W];
    const y = a.y + NODE_H / 2;
    return { ...e, back: false, d: `M${x1},${y} L${x2},${y}`, lx: (x1 + x2) / 2, ly: y - 4 };
  }
  // Back up: out of the right side, round, into the right side of the target.
  const x1 = a.x + NODE_W;
  const y1 = a.y + NODE_H / 2;
  const x2 = b.x + NODE_W;
  const y2 = b.y + NODE_H / 2;
  const bulge = Math.max(x1, x2) + NODE_W / 3;
  return {
    ...e,
    back: true,
    d: `M${x1},${y1} C${bulge},${y1} ${bulge},${y2} ${x2},${y2}`,
    lx: bulge - 18,
    ly: (y1 + y2) / 2,
  };
}
