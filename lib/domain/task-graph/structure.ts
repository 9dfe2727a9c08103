/**
 * A task graph's structure: its names and edges only, sorted so the same graph gives the same
 * structure whatever order it was read in, and a key for it. The Graph view lays a graph out once
 * per key (layout.ts) and patches run status in without moving nodes.
 */
import { indexGraph, type TaskGraph } from './graph';

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
