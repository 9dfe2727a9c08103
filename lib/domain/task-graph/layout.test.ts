import { describe, expect, it } from 'vitest';
import { diamondWithFinalizer, task as t } from './graph.fixture';
import { graphStructure, layoutStructure, NODE_SIZE, structureKey } from './layout';

const graph = diamondWithFinalizer;


describe('graph layout', () => {
  it('lays edges out left to right, the finalizer after the leaves', () => {
    const structure = graphStructure(graph);
    expect(structure.edges.filter((e) => e.kind === 'finalizer')).toEqual([{ from: 'D', to: 'F', kind: 'finalizer' }]);
    const { nodes } = layoutStructure(structure);
    for (const edge of structure.edges) expect(nodes[edge.to].x).toBeGreaterThanOrEqual(nodes[edge.from].x + NODE_SIZE.width);
    expect(nodes.B.y).not.toBe(nodes.C.y);
  });

  it('gives the same key and positions for the same structure, whatever the order or status', () => {
    const reordered = { tasks: [...graph.tasks].reverse().map((task) => ({ ...task, state: 'suspended' as const, schedule: 'x' })) };
    const first = layoutStructure(graphStructure(graph));
    expect(layoutStructure(graphStructure(reordered))).toEqual(first);
    const changed = { tasks: [...graph.tasks, t('E', ['D'])] };
    expect(structureKey(graphStructure(changed))).not.toBe(first.key);
  });

  it('lays out a 1000-task graph', () => {
    const tasks = [t('R')];
    for (let i = 0; i < 999; i++) tasks.push(t(`T${i}`, [i < 10 ? 'R' : `T${i - 10}`, ...(i % 7 === 0 && i >= 20 ? [`T${i - 20}`] : [])]));
    const layout = layoutStructure(graphStructure({ tasks }));
    expect(Object.keys(layout.nodes)).toHaveLength(1000);
    expect(layout.nodes.T500.x).toBeGreaterThan(layout.nodes.T0.x);
  });
});
