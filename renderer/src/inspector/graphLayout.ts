// Where the await graph's boxes and arrows go: layered top to bottom (a waiter above what it
// waits for), so a chain reads downwards and the edges that close a cycle climb back up, bowed.
// Pure maths, drawn as SVG by AwaitGraph.svelte; no graph library,
// since a step's graph has a handful of nodes.
import type { AwaitGraph, GraphEdge, GraphNode } from './awaitGraph';

export const NODE_W = 132;
export const NODE_H = 38;
const GAP_X = 18;
const GAP_Y = 40;
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
  /** Drawn back up: it closes a cycle. */
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
  // Each node's layer is its distance from the nodes nothing points at (breadth first; a cycle
  // with no way in starts at its first node). So an edge goes down one layer, or back up: in a
  // deadlock both tasks sit side by side above the locks they wait for.
  const rank = new Map<string, number>();
  const order: string[] = [];
  const spread = (roots: string[]) => {
    for (const r of roots) rank.set(r, 0);
    const queue = [...roots];
    for (let i = 0; i < queue.length; i++) {
      order.push(queue[i]);
      for (const w of out.get(queue[i]) ?? []) {
        if (rank.has(w)) continue;
        rank.set(w, rank.get(queue[i])! + 1);
        queue.push(w);
      }
    }
  };
  spread(g.nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id));
  for (const n of g.nodes) if (!rank.has(n.id)) spread([n.id]);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  // Nodes without any edge go last, in a row of their own: they wait on nothing shown here.
  const linked = new Set(g.edges.flatMap((e) => [e.from, e.to]));
  const maxRank = Math.max(0, ...order.filter((id) => linked.has(id)).map((id) => rank.get(id)!));
  const layers: GraphNode[][] = [];
  for (const id of order) {
    const r = linked.has(id) ? rank.get(id)! : linked.size ? maxRank + 1 : 0;
    (layers[r] ??= []).push(byId.get(id)!);
  }
  const rows: GraphNode[][] = [];
  for (const layer of layers) {
    if (!layer) continue;
    for (let i = 0; i < layer.length; i += PER_ROW) rows.push(layer.slice(i, i + PER_ROW));
  }
  const widest = Math.max(1, ...rows.map((r) => r.length));
  const width = 2 * MARGIN + widest * NODE_W + (widest - 1) * GAP_X;
  const placed = new Map<string, PlacedNode>();
  rows.forEach((row, r) => {
    const rowW = row.length * NODE_W + (row.length - 1) * GAP_X;
    const x0 = MARGIN + (width - 2 * MARGIN - rowW) / 2;
    row.forEach((n, i) =>
      placed.set(n.id, { ...n, x: x0 + i * (NODE_W + GAP_X), y: MARGIN + r * (NODE_H + GAP_Y) }),
    );
  });
  const height = 2 * MARGIN + rows.length * NODE_H + Math.max(0, rows.length - 1) * GAP_Y;
  const edges = g.edges.map((e) => edgePath(e, placed.get(e.from)!, placed.get(e.to)!));
  return { width, height, nodes: [...placed.values()], edges };
}

function edgePath(e: GraphEdge, a: PlacedNode, b: PlacedNode): PlacedEdge {
  if (b.y > a.y) {
    // Down a layer: bottom centre to top centre, labelled halfway.
    const x1 = a.x + NODE_W / 2;
    const y1 = a.y + NODE_H;
    const x2 = b.x + NODE_W / 2;
    const y2 = b.y;
    // Labelled two thirds down, clear of a back edge's label near the top (below).
    return {
      ...e,
      back: false,
      d: `M${x1},${y1} L${x2},${y2}`,
      lx: x1 + (x2 - x1) * 0.65 + 4,
      ly: y1 + (y2 - y1) * 0.7,
    };
  }
  if (b.y === a.y) {
    // Same row (a wrapped layer): side to side.
    const [x1, x2] = b.x > a.x ? [a.x + NODE_W, b.x] : [a.x, b.x + NODE_W];
    const y = a.y + NODE_H / 2;
    return { ...e, back: false, d: `M${x1},${y} L${x2},${y}`, lx: (x1 + x2) / 2 - 10, ly: y - 4 };
  }
  // Back up (it closes a cycle): top to bottom, bowed to one side so that it never lies on the
  // edge coming down between the same two columns; labelled just under the box it points at.
  const x1 = a.x + NODE_W / 2 + 12;
  const y1 = a.y;
  const x2 = b.x + NODE_W / 2 + 12;
  const y2 = b.y + NODE_H;
  const cx = (x1 + x2) / 2 + (x1 === x2 ? 40 : 0);
  const cy = (y1 + y2) / 2;
  return {
    ...e,
    back: true,
    d: `M${x1},${y1} Q${cx},${cy} ${x2},${y2}`,
    lx: x2 + 4,
    ly: y2 + 11,
  };
}
