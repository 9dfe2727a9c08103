import { describe, expect, it } from 'vitest';
import type { TaskGraph } from './graph';
import { diamondWithFinalizer, pipelineGraph, task as t } from './graph.fixture';
import { LAYERED_LAYOUT_FROM, layoutEngineFor, layoutStructure, NODE_SIZE, type LayoutEngine } from './layout';
import { graphStructure, structureKey, type GraphLayout, type GraphStructure } from './structure';

const graph = diamondWithFinalizer;

/** Laid out as the view sees it: each task once, a box of NODE_SIZE inside the drawing. */
function expectEveryTaskPlacedOnce(structure: GraphStructure, layout: GraphLayout): void {
  expect(Object.keys(layout.nodes).sort()).toEqual(structure.nodes);
  for (const box of Object.values(layout.nodes)) {
    expect([box.width, box.height]).toEqual([NODE_SIZE.width, NODE_SIZE.height]);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
    expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
  }
}

/** Every edge, the finalizer's included, starts in a column left of where it ends. */
function expectLeftToRight(structure: GraphStructure, layout: GraphLayout): void {
  const backwards = structure.edges.filter((edge) => layout.nodes[edge.to].x < layout.nodes[edge.from].x + NODE_SIZE.width);
  expect(backwards).toEqual([]);
}

function expectNoOverlaps(layout: GraphLayout): void {
  const boxes = Object.entries(layout.nodes).sort(([, a], [, b]) => a.x - b.x);
  const overlapping: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const [name, a] = boxes[i];
    for (let j = i + 1; j < boxes.length && boxes[j][1].x < a.x + a.width; j++) {
      const [other, b] = boxes[j];
      if (b.y < a.y + a.height && a.y < b.y + b.height) overlapping.push(`${name} / ${other}`);
    }
  }
  expect(overlapping).toEqual([]);
}

/** The deep chain the first version of this file tested: ten strands of a hundred, cross-linked. */
function strands(): TaskGraph {
  const tasks = [t('R')];
  for (let i = 0; i < 999; i++) tasks.push(t(`T${i}`, [i < 10 ? 'R' : `T${i - 10}`, ...(i % 7 === 0 && i >= 20 ? [`T${i - 20}`] : [])]));
  return { tasks };
}

describe.each<LayoutEngine>(['dagre', 'layered'])('graph layout with %s', (engine) => {
  it.each([
    ['the documented diamond with a finalizer', graph],
    ['a 60-task pipeline', pipelineGraph(60)],
  ])('places every task of %s once, edges left to right, no two overlapping', (_, input) => {
    const structure = graphStructure(input);
    const layout = layoutStructure(structure, engine);
    expectEveryTaskPlacedOnce(structure, layout);
    expectLeftToRight(structure, layout);
    expectNoOverlaps(layout);
  });

  it('gives the same key and positions for the same structure, whatever the order or status', () => {
    const input = pipelineGraph(40);
    const reordered = { tasks: [...input.tasks].reverse().map((task) => ({ ...task, state: 'suspended' as const, schedule: 'x' })) };
    const first = layoutStructure(graphStructure(input), engine);
    expect(layoutStructure(graphStructure(input), engine)).toEqual(first);
    expect(layoutStructure(graphStructure(reordered), engine)).toEqual(first);
    const changed = { tasks: [...input.tasks, t('E', ['DB.PIPE.T0001'])] };
    expect(structureKey(graphStructure(changed))).not.toBe(first.key);
  });

  it('puts the documented diamond on three columns and the finalizer after them, B and C apart', () => {
    const structure = graphStructure(graph);
    expect(structure.edges.filter((e) => e.kind === 'finalizer')).toEqual([{ from: 'D', to: 'F', kind: 'finalizer' }]);
    const { nodes } = layoutStructure(structure, engine);
    expect(nodes.B.x).toBe(nodes.C.x);
    expect(nodes.B.y).not.toBe(nodes.C.y);
    expect(new Set([nodes.A.x, nodes.B.x, nodes.D.x, nodes.F.x]).size).toBe(4);
  });
});

describe('layout engine', () => {
  it('keeps dagre below LAYERED_LAYOUT_FROM tasks and lays bigger graphs out in layers', () => {
    const small = graphStructure(pipelineGraph(LAYERED_LAYOUT_FROM - 1));
    const big = graphStructure(pipelineGraph(LAYERED_LAYOUT_FROM));
    expect([layoutEngineFor(small), layoutEngineFor(big)]).toEqual(['dagre', 'layered']);
    expect(layoutStructure(small)).toEqual(layoutStructure(small, 'dagre'));
    expect(layoutStructure(big)).toEqual(layoutStructure(big, 'layered'));
    expect(layoutStructure(big)).not.toEqual(layoutStructure(big, 'dagre'));
  });

  it.each([
    ['a 1000-task pipeline', pipelineGraph(1000)],
    ['ten cross-linked strands of 100 tasks', strands()],
  ])('lays out %s', (_, input) => {
    const structure = graphStructure(input);
    expect(structure.nodes).toHaveLength(1000);
    const layout = layoutStructure(structure);
    expectEveryTaskPlacedOnce(structure, layout);
    expectLeftToRight(structure, layout);
    expectNoOverlaps(layout);
  });
});
