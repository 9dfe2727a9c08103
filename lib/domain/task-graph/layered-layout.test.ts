import { describe, expect, it } from 'vitest';
import { validateGraph, type TaskGraph } from './graph';
import { diamondWithFinalizer, pipelineGraph, task as t } from './graph.fixture';
import { layeredLayout, type LayeredSpacing } from './layered-layout';
import { graphStructure, type GraphStructure } from './structure';

const SPACING: LayeredSpacing = { node: { width: 100, height: 20 }, rankGap: 50, nodeGap: 10, margin: 5 };

const layOut = (graph: TaskGraph) => layeredLayout(graphStructure(graph), SPACING);

/** Column index from x, as the layout spaces columns. */
const column = (x: number) => (x - SPACING.margin) / (SPACING.node.width + SPACING.rankGap);

describe('layered layout', () => {
  it('puts each task one column past its furthest predecessor, the finalizer alone in the last', () => {
    const graph = pipelineGraph(300);
    expect(validateGraph(graph)).toEqual([]);
    const { nodes } = layOut(graph);
    const columns = new Map(graph.tasks.map((task) => [task.name, column(nodes[task.name].x)]));
    for (const task of graph.tasks) {
      if (task.finalize) continue;
      const expected = task.predecessors.length === 0 ? 0 : 1 + Math.max(...task.predecessors.map((p) => columns.get(p) as number));
      expect(columns.get(task.name), task.name).toBe(expected);
    }
    const last = Math.max(...columns.values());
    expect([...columns].filter(([, c]) => c === last).map(([name]) => name)).toEqual(['DB.PIPE.FINALIZE']);
  });

  it('orders a column by its predecessors, so branches do not cross', () => {
    // By name, Y would sit above Z in the third column, crossing B → Z and C → Y.
    const { nodes } = layOut({ tasks: [t('A'), t('B', ['A']), t('C', ['A']), t('Z', ['B']), t('Y', ['C'])] });
    expect(nodes.B.y).toBeLessThan(nodes.C.y);
    expect(nodes.Z.y).toBeLessThan(nodes.Y.y);
  });

  it('keeps a chain straight and centres a join between the tasks it waits on', () => {
    const { nodes } = layOut({ tasks: [...diamondWithFinalizer.tasks, t('E', ['D']), t('G', ['E'])] });
    expect(new Set([nodes.A.y, nodes.D.y, nodes.E.y, nodes.G.y, nodes.F.y]).size).toBe(1);
    expect(nodes.C.y - nodes.B.y).toBe(SPACING.node.height + SPACING.nodeGap);
    expect(nodes.D.y - nodes.B.y).toBe(nodes.C.y - nodes.D.y);
  });

  it('sizes the drawing to its columns and tallest column, with the margin around', () => {
    const layout = layOut(diamondWithFinalizer);
    const { node, rankGap, nodeGap, margin } = SPACING;
    expect(layout.width).toBe(2 * margin + 4 * node.width + 3 * rankGap);
    expect(layout.height).toBe(2 * margin + 2 * node.height + nodeGap);
    expect(Math.min(...Object.values(layout.nodes).map((box) => box.y))).toBe(margin);
  });

  it('still places every task once when the structure has a cycle or edges to unknown tasks', () => {
    const structure: GraphStructure = {
      nodes: ['A', 'B', 'C'],
      edges: [
        { from: 'A', to: 'B', kind: 'after' },
        { from: 'B', to: 'C', kind: 'after' },
        { from: 'C', to: 'A', kind: 'after' },
        { from: 'C', to: 'GONE', kind: 'after' },
      ],
    };
    const { nodes } = layeredLayout(structure, SPACING);
    expect(Object.keys(nodes)).toEqual(['A', 'B', 'C']);
    expect([nodes.A, nodes.B, nodes.C].map((box) => column(box.x))).toEqual([0, 1, 2]);
  });

  it('lays out an empty structure as an empty drawing', () => {
    expect(layeredLayout({ nodes: [], edges: [] }, SPACING)).toEqual({ nodes: {}, width: 10, height: 10 });
  });
});
