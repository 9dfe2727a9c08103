import { describe, expect, it } from 'vitest';
import type { GraphTask } from '@/lib/domain/task-graph/graph';
import { diamondWithFinalizer, task } from '@/lib/domain/task-graph/graph.fixture';
import { layoutStructure, NODE_SIZE } from '@/lib/domain/task-graph/layout';
import { graphStructure } from '@/lib/domain/task-graph/structure';
import { flowElements, keepUnchanged, selectionChange, type FlowInput, type GraphViewTask, type TaskRuns } from './flow-elements';

const named = (t: GraphTask): GraphViewTask => ({ ...t, shortName: `${t.name.toLowerCase()}_task` });
const diamond = diamondWithFinalizer.tasks.map(named);

function input(tasks: readonly GraphViewTask[], overrides: Partial<FlowInput> = {}): FlowInput {
  const structure = graphStructure({ tasks });
  return { tasks, structure, layout: layoutStructure(structure), runs: {}, criticalPath: [], selected: null, ...overrides };
}

const T0 = 1_700_000_000_000;
const running: TaskRuns = {
  A: { state: 'SUCCEEDED', startedAt: T0, completedAt: T0 + 1_000 },
  B: { state: 'EXECUTING', startedAt: T0 + 1_200, completedAt: null },
  C: { state: 'FAILED', startedAt: T0 + 1_100, completedAt: T0 + 4_100 },
};

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));
const positions = (elements: ReturnType<typeof flowElements>) => Object.fromEntries(elements.nodes.map((n) => [n.id, n.position]));

describe('flowElements nodes', () => {
  it('patches status in without moving a node', () => {
    const base = input(diamond);
    const before = flowElements(base);
    const after = flowElements({ ...base, runs: running });
    expect(positions(after)).toEqual(positions(before));
    for (const node of after.nodes) {
      expect(node.position).toEqual({ x: base.layout.nodes[node.id].x, y: base.layout.nodes[node.id].y });
      expect([node.width, node.height, node.measured]).toEqual([NODE_SIZE.width, NODE_SIZE.height, NODE_SIZE]);
    }
    expect(before.nodes.map((n) => n.data.state)).toEqual([null, null, null, null, null]);
    const nodes = byId(after.nodes);
    expect(nodes.get('A')?.data).toMatchObject({ state: 'SUCCEEDED', phase: 'succeeded', durationMs: 1_000, runningSince: null });
    expect(nodes.get('B')?.data).toMatchObject({ state: 'EXECUTING', phase: 'running', durationMs: null, runningSince: T0 + 1_200 });
    expect(nodes.get('C')?.data).toMatchObject({ state: 'FAILED', phase: 'failed', durationMs: 3_000 });
    expect(nodes.get('D')?.data).toMatchObject({ state: null, phase: null, durationMs: null, runningSince: null });
    expect(nodes.get('D')?.ariaLabel).toBe('d_task, did not run');
  });

  it('marks suspended tasks and the finalizer, and the selected task only', () => {
    const tasks = diamond.map((t) => (t.name === 'C' ? { ...t, state: 'suspended' as const } : t));
    const nodes = byId(flowElements(input(tasks, { selected: 'B' })).nodes);
    expect(nodes.get('C')?.data.suspended).toBe(true);
    expect(nodes.get('C')?.ariaLabel).toBe('c_task, did not run, suspended');
    expect(nodes.get('F')?.data).toMatchObject({ finalizer: true, suspended: false, shortName: 'f_task', name: 'F' });
    expect([...nodes.values()].filter((n) => n.selected).map((n) => n.id)).toEqual(['B']);
  });

  it('orders nodes left to right so Tab follows the picture, keeping the first of a repeated name', () => {
    const tasks = [named(task('D', ['B'])), named(task('B', ['A'])), named(task('A')), { ...named(task('A')), shortName: 'again' }];
    const { nodes } = flowElements(input(tasks));
    expect(nodes.map((n) => n.id)).toEqual(['A', 'B', 'D']);
    expect(nodes[0].data.shortName).toBe('a_task');
  });

  it('declares handles on the node sides so edges need no measuring', () => {
    const [node] = flowElements(input(diamond)).nodes;
    expect(node.handles?.map((h) => [h.type, h.position, h.x + (h.width ?? 0) / 2, h.y + (h.height ?? 0) / 2])).toEqual([
      ['target', 'left', 0, NODE_SIZE.height / 2],
      ['source', 'right', NODE_SIZE.width, NODE_SIZE.height / 2],
    ]);
  });
});

describe('flowElements edges', () => {
  it('draws AFTER edges, and the finalizer dashed from its root instead of from the leaves', () => {
    const { edges } = flowElements(input(diamond));
    expect(edges.map((e) => [e.source, e.target, e.data?.kind])).toEqual([
      ['A', 'B', 'after'],
      ['A', 'C', 'after'],
      ['B', 'D', 'after'],
      ['C', 'D', 'after'],
      ['A', 'F', 'finalizer'],
    ]);
    const dashed = edges.filter((e) => e.style?.strokeDasharray);
    expect(dashed.map((e) => e.id)).toEqual([JSON.stringify(['finalizer', 'A', 'F'])]);
    expect(edges.every((e) => e.selectable === false && e.focusable === false && !e.animated && !e.data?.critical)).toBe(true);
  });

  it('marks the critical path, joins a step no edge joins, draws it last and animates it into a running task', () => {
    const { edges, nodes } = flowElements(input(diamond, { runs: { ...running, D: { state: 'EXECUTING', startedAt: T0 + 5_000, completedAt: null } }, criticalPath: ['A', 'C', 'D', 'F'] }));
    const critical = edges.filter((e) => e.data?.critical);
    expect(critical.map((e) => [e.source, e.target, e.data?.kind])).toEqual([
      ['A', 'C', 'after'],
      ['C', 'D', 'after'],
      ['D', 'F', 'waited'],
    ]);
    expect(edges.slice(-3)).toEqual(critical);
    expect(critical.map((e) => e.animated)).toEqual([false, true, false]);
    expect(critical.every((e) => e.style?.strokeWidth === 3)).toBe(true);
    expect(critical.find((e) => e.data?.kind === 'waited')?.style?.strokeDasharray).toBeTruthy();
    expect(edges.filter((e) => !e.data?.critical).every((e) => e.style?.strokeWidth === undefined)).toBe(true);
    expect(nodes.filter((n) => n.data.critical).map((n) => n.id).sort()).toEqual(['A', 'C', 'D', 'F']);
  });

  it('draws edges only between tasks that exist', () => {
    const tasks = [
      named(task('A')),
      named(task('B', ['A', 'GONE'])),
      named(task('F', [], { finalize: 'MISSING_ROOT' })),
      named(task('G', [], { finalize: 'A' })),
    ];
    const { nodes, edges } = flowElements(input(tasks, { criticalPath: ['GHOST', 'A', 'B', 'NOWHERE'] }));
    const ids = new Set(nodes.map((n) => n.id));
    expect(ids).toEqual(new Set(['A', 'B', 'F', 'G']));
    expect(edges.map((e) => [e.source, e.target, e.data?.kind])).toEqual([
      ['A', 'G', 'finalizer'],
      ['A', 'B', 'after'],
    ]);
    expect(edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });
});

describe('keepUnchanged', () => {
  it('keeps every node and edge a status change did not touch, so only changed nodes re-render', () => {
    const base = input(diamond, { runs: running });
    const first = flowElements(base);
    const same = keepUnchanged(first, flowElements({ ...base, runs: { ...running } }));
    expect(same.nodes).toBe(first.nodes);
    expect(same.edges).toBe(first.edges);

    const finished: TaskRuns = { ...running, B: { state: 'SUCCEEDED', startedAt: T0 + 1_200, completedAt: T0 + 2_000 } };
    const next = keepUnchanged(first, flowElements({ ...base, runs: finished }));
    const before = byId(first.nodes);
    expect(next.nodes.filter((n) => n !== before.get(n.id)).map((n) => n.id)).toEqual(['B']);
    expect(byId(next.nodes).get('B')?.data.durationMs).toBe(800);
    expect(next.edges).toBe(first.edges);

    const selected = keepUnchanged(next, flowElements({ ...base, runs: finished, selected: 'D' }));
    expect(selected.nodes.filter((n) => n !== byId(next.nodes).get(n.id)).map((n) => n.id)).toEqual(['D']);
  });

  it('replaces edges whose critical mark changed', () => {
    const base = input(diamond);
    const first = flowElements(base);
    const next = keepUnchanged(first, flowElements({ ...base, criticalPath: ['A', 'B'] }));
    const before = byId(first.edges);
    expect(next.edges.filter((e) => e !== before.get(e.id)).map((e) => [e.source, e.target])).toEqual([['A', 'B']]);
  });
});

describe('selectionChange', () => {
  it('reads a pick, a release, or nothing about selection', () => {
    expect(
      selectionChange([
        { id: 'A', type: 'select', selected: false },
        { id: 'B', type: 'select', selected: true },
      ]),
    ).toBe('B');
    expect(selectionChange([{ id: 'A', type: 'select', selected: false }])).toBeNull();
    expect(selectionChange([{ id: 'A', type: 'dimensions', dimensions: { width: 1, height: 1 } }])).toBeUndefined();
    expect(selectionChange([])).toBeUndefined();
  });
});
