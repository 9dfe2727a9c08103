/**
 * A fast layered (Sugiyama-style) layout for big task graphs, where dagre takes seconds
 * (bench/task-graph-layout.ts): columns by longest path, a few barycenter sweeps to cut
 * crossings, then y positions pulled towards each task's neighbours without overlapping.
 * Linear-ish in tasks + edges, so a 1000-task graph lays out in tens of milliseconds.
 *
 * Deterministic: every tie is broken by the task's index in the (sorted) structure.
 */
import type { GraphLayout, GraphStructure, NodeBox } from './structure';

export interface LayeredSpacing {
  node: { readonly width: number; readonly height: number };
  /** Between columns. */
  rankGap: number;
  /** Between tasks in a column. */
  nodeGap: number;
  /** Around the whole drawing. */
  margin: number;
}

/** A layout without its key, which the caller derives from the structure. */
export type Placement = Omit<GraphLayout, 'key'>;

/** Dagre stops after four sweeps that do not help; a fixed budget keeps the time predictable. */
const ORDER_SWEEPS = 8;
const PLACE_SWEEPS = 4;

export function layeredLayout(structure: GraphStructure, spacing: LayeredSpacing): Placement {
  const count = structure.nodes.length;
  const index = new Map(structure.nodes.map((name, i) => [name, i]));
  const forward = acyclicEdges(count, indexEdges(structure, index));
  const rank = longestPathRanks(count, forward);
  // Finalizer edges only place the finalizer (the view does not draw them); order and y follow
  // the AFTER edges a reader sees.
  const drawn = forward.filter((edge) => edge.kind === 'after');
  const layers = orderLayers(rank, drawn);
  const centres = placeInColumns(layers, drawn, spacing.node.height + spacing.nodeGap);
  return boxes(structure.nodes, rank, centres, spacing);
}

interface IndexedEdge {
  from: number;
  to: number;
  kind: 'after' | 'finalizer';
}

function indexEdges(structure: GraphStructure, index: ReadonlyMap<string, number>): IndexedEdge[] {
  const edges: IndexedEdge[] = [];
  for (const edge of structure.edges) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (from !== undefined && to !== undefined) edges.push({ from, to, kind: edge.kind });
  }
  return edges;
}

function adjacency(count: number, edges: readonly IndexedEdge[], end: 'from' | 'to'): IndexedEdge[][] {
  const lists: IndexedEdge[][] = Array.from({ length: count }, () => []);
  for (const edge of edges) lists[edge[end]].push(edge);
  return lists;
}

/**
 * The edges minus those that close a cycle (found depth first, in index order), so ranking
 * terminates on a graph the rules would reject; a valid graph keeps every edge.
 */
function acyclicEdges(count: number, edges: readonly IndexedEdge[]): IndexedEdge[] {
  const out = adjacency(count, edges, 'from');
  const state = new Uint8Array(count); // 0 unseen, 1 on the path, 2 done
  const back = new Set<IndexedEdge>();
  for (let start = 0; start < count; start++) {
    if (state[start] !== 0) continue;
    // An explicit stack: a 1000-task chain would overflow recursion in some engines.
    const stack = [{ node: start, next: 0 }];
    state[start] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const edge = out[frame.node][frame.next++];
      if (!edge) {
        state[frame.node] = 2;
        stack.pop();
      } else if (state[edge.to] === 1) {
        back.add(edge);
      } else if (state[edge.to] === 0) {
        state[edge.to] = 1;
        stack.push({ node: edge.to, next: 0 });
      }
    }
  }
  return edges.filter((edge) => !back.has(edge));
}

/**
 * A task's column is one past its furthest predecessor's (Kahn's order). The finalizer's edges
 * come from every leaf of its graph, so it lands alone in the last column.
 */
function longestPathRanks(count: number, edges: readonly IndexedEdge[]): Int32Array {
  const out = adjacency(count, edges, 'from');
  const waiting = new Int32Array(count);
  for (const edge of edges) waiting[edge.to]++;
  const rank = new Int32Array(count);
  const queue: number[] = [];
  for (let node = 0; node < count; node++) if (waiting[node] === 0) queue.push(node);
  for (let i = 0; i < queue.length; i++) {
    for (const edge of out[queue[i]]) {
      rank[edge.to] = Math.max(rank[edge.to], rank[queue[i]] + 1);
      if (--waiting[edge.to] === 0) queue.push(edge.to);
    }
  }
  return rank;
}

/**
 * Tasks of each column, top to bottom. Edges longer than one column get a placeholder in each
 * column they cross, so they take part in the crossing count; placeholders are not returned.
 */
function orderLayers(rank: Int32Array, edges: readonly IndexedEdge[]): number[][] {
  const count = rank.length;
  const columns = rank.reduce((max, r) => Math.max(max, r), 0) + 1;
  const up: number[][] = Array.from({ length: count }, () => []);
  const down: number[][] = Array.from({ length: count }, () => []);
  const layers: number[][] = Array.from({ length: columns }, () => []);
  for (let node = 0; node < count; node++) layers[rank[node]].push(node);
  const link = (from: number, to: number) => {
    down[from].push(to);
    up[to].push(from);
  };
  for (const edge of edges) {
    let from = edge.from;
    for (let r = rank[edge.from] + 1; r < rank[edge.to]; r++) {
      const placeholder = up.length;
      up.push([]);
      down.push([]);
      layers[r].push(placeholder);
      link(from, placeholder);
      from = placeholder;
    }
    link(from, edge.to);
  }

  const position = new Float64Array(up.length);
  const recordPositions = () => layers.forEach((layer) => layer.forEach((node, i) => (position[node] = i)));
  recordPositions();
  let best = layers.map((layer) => [...layer]);
  let fewest = crossings(layers, down, position);
  for (let sweep = 0; sweep < ORDER_SWEEPS && fewest > 0; sweep++) {
    const downward = sweep % 2 === 0;
    for (let k = 1; k < columns; k++) {
      const r = downward ? k : columns - 1 - k;
      layers[r] = byBarycentre(layers[r], downward ? up : down, position);
      layers[r].forEach((node, i) => (position[node] = i));
    }
    const now = crossings(layers, down, position);
    if (now < fewest) {
      fewest = now;
      best = layers.map((layer) => [...layer]);
    }
  }
  return best.map((layer) => layer.filter((node) => node < count));
}

/**
 * The layer sorted by the mean position of each node's neighbours in the fixed layer; a node with
 * none keeps its slot. Ties keep the current order, so repeated sweeps settle instead of flapping.
 */
function byBarycentre(layer: readonly number[], neighbours: readonly number[][], position: Float64Array): number[] {
  const movable: { node: number; key: number; at: number }[] = [];
  const fixed = new Uint8Array(layer.length);
  layer.forEach((node, at) => {
    const around = neighbours[node];
    if (around.length === 0) {
      fixed[at] = 1;
      return;
    }
    let sum = 0;
    for (const other of around) sum += position[other];
    movable.push({ node, key: sum / around.length, at });
  });
  movable.sort((a, b) => a.key - b.key || a.at - b.at);
  const result: number[] = [];
  let next = 0;
  for (let at = 0; at < layer.length; at++) {
    result.push(fixed[at] ? layer[at] : movable[next++].node);
  }
  return result;
}

/** Edge crossings between adjacent columns, counted with an accumulator tree (Barth, Jünger, Mutzel 2002). */
function crossings(layers: readonly number[][], down: readonly number[][], position: Float64Array): number {
  let total = 0;
  for (let r = 0; r + 1 < layers.length; r++) {
    const southCount = layers[r + 1].length;
    let size = 1;
    while (size < southCount) size *= 2;
    const tree = new Int32Array(2 * size);
    for (const node of layers[r]) {
      const ends = down[node].map((other) => position[other]).sort((a, b) => a - b);
      for (const end of ends) {
        let leaf = end + size;
        tree[leaf]++;
        while (leaf > 1) {
          // Edges already added that end right of this one cross it.
          if (leaf % 2 === 0) total += tree[leaf + 1];
          leaf = Math.floor(leaf / 2);
          tree[leaf]++;
        }
      }
    }
  }
  return total;
}

/**
 * Each task's centre y: columns start stacked around 0, then alternate sweeps pull each task
 * towards the mean of its predecessors (down) or children (up), as close as the order and the
 * gap allow.
 */
function placeInColumns(layers: readonly number[][], edges: readonly IndexedEdge[], pitch: number): Float64Array {
  const count = layers.reduce((sum, layer) => sum + layer.length, 0);
  const predecessors = adjacency(count, edges, 'to').map((list) => list.map((edge) => edge.from));
  const children = adjacency(count, edges, 'from').map((list) => list.map((edge) => edge.to));
  const centre = new Float64Array(count);
  for (const layer of layers) layer.forEach((node, i) => (centre[node] = (i - (layer.length - 1) / 2) * pitch));
  for (let sweep = 0; sweep < PLACE_SWEEPS; sweep++) {
    const downward = sweep % 2 === 0;
    for (let k = 0; k < layers.length; k++) {
      const layer = layers[downward ? k : layers.length - 1 - k];
      const wanted = layer.map((node) => meanOr(downward ? predecessors[node] : children[node], centre, centre[node]));
      fitInOrder(wanted, pitch).forEach((y, i) => (centre[layer[i]] = y));
    }
  }
  return centre;
}

function meanOr(nodes: readonly number[], value: Float64Array, fallback: number): number {
  if (nodes.length === 0) return fallback;
  let sum = 0;
  for (const node of nodes) sum += value[node];
  return sum / nodes.length;
}

/**
 * The positions closest (least squares) to `wanted` that keep the order and are at least `pitch`
 * apart: with z_i = y_i − i·pitch that asks for a non-decreasing z, which pooling adjacent
 * violators solves exactly in linear time.
 */
function fitInOrder(wanted: readonly number[], pitch: number): number[] {
  const blocks: { size: number; mean: number }[] = [];
  wanted.forEach((y, i) => {
    let block = { size: 1, mean: y - i * pitch };
    while (blocks.length > 0 && blocks[blocks.length - 1].mean > block.mean) {
      const before = blocks.pop() as { size: number; mean: number };
      const size = before.size + block.size;
      block = { size, mean: (before.mean * before.size + block.mean * block.size) / size };
    }
    blocks.push(block);
  });
  const result: number[] = [];
  for (const block of blocks) for (let j = 0; j < block.size; j++) result.push(block.mean + result.length * pitch);
  return result;
}

function boxes(names: readonly string[], rank: Int32Array, centre: Float64Array, spacing: LayeredSpacing): Placement {
  const { node, rankGap, margin } = spacing;
  if (names.length === 0) return { nodes: {}, width: 2 * margin, height: 2 * margin };
  let top = Infinity;
  let bottom = -Infinity;
  let columns = 0;
  names.forEach((_, i) => {
    top = Math.min(top, centre[i] - node.height / 2);
    bottom = Math.max(bottom, centre[i] + node.height / 2);
    columns = Math.max(columns, rank[i] + 1);
  });
  const nodes: Record<string, NodeBox> = {};
  names.forEach((name, i) => {
    nodes[name] = { x: margin + rank[i] * (node.width + rankGap), y: margin + centre[i] - node.height / 2 - top, width: node.width, height: node.height };
  });
  return { nodes, width: 2 * margin + columns * node.width + (columns - 1) * rankGap, height: 2 * margin + bottom - top };
}
