/**
 * Node positions for the Graph view, from the graph's structure only (names and edges), so the
 * view lays a graph out once per structure (keyed by `structureKey`) and patches run status in
 * without moving nodes (as Airflow 3 split structure from status:
 * https://github.com/apache/airflow/pull/51805).
 * Laid out left to right, like the Gantt that sits beside it: by dagre, or from
 * LAYERED_LAYOUT_FROM tasks by the much faster layered layout (layered-layout.ts).
 */
import dagre from '@dagrejs/dagre';
import { indexGraph, type TaskGraph } from './graph';
import { layeredLayout, type LayeredSpacing, type Placement } from './layered-layout';

export interface StructureEdge {
  from: string;
  to: string;
  /** `finalizer` edges are not AFTER relations: they place the finalizer after its graph's leaves. */
  kind: 'after' | 'finalizer';
}

export interface GraphStructure {
  /** Sorted, so the same graph gives the same structure whatever order it was read in. */
  nodes: string[];
  edges: StructureEdge[];
}

export interface NodeBox {
  /** Top-left corner, as React Flow positions nodes. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  key: string;
  nodes: Record<string, NodeBox>;
  width: number;
  height: number;
}

export const NODE_SIZE = { width: 220, height: 56 } as const;

const SPACING: LayeredSpacing = { node: NODE_SIZE, rankGap: 64, nodeGap: 24, margin: 16 };

/**
 * From this many tasks the layered layout takes over. Dagre's network-simplex ranks draw small
 * graphs a little more neatly, but its time grows fast: on two cores (npm run
 * bench:graph-layout) about 100 ms at 100 tasks, 0.4 s at 300 and 1–5 s at 1000, where the
 * layered layout takes 1–35 ms with as few crossings. 100 tasks keeps dagre's pause on a
 * (re)layout near 100 ms, in the browser's main thread.
 */
export const LAYERED_LAYOUT_FROM = 100;

export type LayoutEngine = 'dagre' | 'layered';

export function layoutEngineFor(structure: GraphStructure): LayoutEngine {
  return structure.nodes.length >= LAYERED_LAYOUT_FROM ? 'layered' : 'dagre';
}

export function graphStructure(graph: TaskGraph): GraphStructure {
  const { byName, children } = indexGraph(graph);
  const edges: StructureEdge[] = [];
  for (const task of byName.values()) {
    for (const predecessor of new Set(task.predecessors)) {
      if (byName.has(predecessor)) edges.push({ from: predecessor, to: task.name, kind: 'after' });
    }
  }
  for (const task of byName.values()) {
    if (!task.finalize || !byName.has(task.finalize)) continue;
    const leaves = leavesUnder(task.finalize, children);
    for (const leaf of leaves) edges.push({ from: leaf, to: task.name, kind: 'finalizer' });
  }
  edges.sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to) || compare(a.kind, b.kind));
  return { nodes: [...byName.keys()].sort(compare), edges };
}

function leavesUnder(root: string, children: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set([root]);
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i]) ?? []) {
      if (!seen.has(child)) {
        seen.add(child);
        queue.push(child);
      }
    }
  }
  return queue.filter((name) => (children.get(name) ?? []).length === 0);
}

/** Code-unit order: locale-independent, so server and browser sort alike. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stable hash of the structure (cyrb53: fast, no Node APIs, fine for a cache key). */
export function structureKey(structure: GraphStructure): string {
  const text = JSON.stringify([structure.nodes, structure.edges.map((e) => [e.from, e.to, e.kind])]);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h2 >>> 0).toString(16).padStart(8, '0')}${(h1 >>> 0).toString(16).padStart(8, '0')}`;
}

/** `engine` is for tests and the bench; the view lets the graph's size choose. */
export function layoutStructure(structure: GraphStructure, engine: LayoutEngine = layoutEngineFor(structure)): GraphLayout {
  const { nodes, width, height } = engine === 'dagre' ? dagreLayout(structure) : layeredLayout(structure, SPACING);
  return { key: structureKey(structure), nodes, width, height };
}

function dagreLayout(structure: GraphStructure): Placement {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: SPACING.nodeGap, ranksep: SPACING.rankGap, marginx: SPACING.margin, marginy: SPACING.margin });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of structure.nodes) g.setNode(node, { ...NODE_SIZE });
  for (const edge of structure.edges) g.setEdge(edge.from, edge.to);
  dagre.layout(g);
  const nodes: Record<string, NodeBox> = {};
  for (const name of structure.nodes) {
    const { x = 0, y = 0 } = g.node(name);
    nodes[name] = { x: x - NODE_SIZE.width / 2, y: y - NODE_SIZE.height / 2, ...NODE_SIZE };
  }
  const { width = 0, height = 0 } = g.graph();
  return { nodes, width, height };
}
