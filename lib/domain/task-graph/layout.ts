/**
 * Node positions for the Graph view, from the graph's structure only (names and edges), so the
 * view lays a graph out once per structure (keyed by `structureKey`) and patches run status in
 * without moving nodes (as Airflow 3 split structure from status:
 * https://github.com/apache/airflow/pull/51805).
 * Laid out left to right, like the Gantt that sits beside it: by dagre, or from
 * LAYERED_LAYOUT_FROM tasks by the much faster layered layout (layered-layout.ts).
 */
import dagre from '@dagrejs/dagre';
import { layeredLayout, type LayeredSpacing, type Placement } from './layered-layout';
import { structureKey, type GraphLayout, type GraphStructure, type NodeBox } from './structure';

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
