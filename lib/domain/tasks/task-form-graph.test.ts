import { describe, expect, it } from 'vitest';
import { TASK_GRAPH_LIMITS } from '../task-graph/graph';
import { finalizerChoices, finalizerProblems, graphRootsOf, predecessorProblems } from './task-form-graph';
import { taskDefinition } from './task-definition.fixture';

/** Root A starts B and C in parallel, D after both; F finalizes A; X stands alone, started. */
const tasks = [
  taskDefinition('A', { schedule: '1 MINUTE', state: 'started' }),
  taskDefinition('B', { predecessors: ['DB.S.A'] }),
  taskDefinition('C', { predecessors: ['DB.S.A'] }),
  taskDefinition('D', { predecessors: ['DB.S.B', 'DB.S.C'] }),
  taskDefinition('F', { finalize: 'DB.S.A' }),
  taskDefinition('X', { state: 'started' }),
];

describe('predecessorProblems', () => {
  it('finds nothing wrong with a new task after two tasks of one graph, or with an unchanged task', () => {
    expect(predecessorProblems(tasks, 'DB.S.NEW', ['DB.S.B', 'DB.S.C'])).toEqual([]);
    expect(predecessorProblems(tasks, 'DB.S.D', ['DB.S.B', 'DB.S.C'])).toEqual([]);
  });

  it('reports a cycle as the path through the task', () => {
    expect(predecessorProblems(tasks, 'DB.S.B', ['DB.S.D'])).toEqual([
      {
        code: 'cycle',
        tasks: ['DB.S.B', 'DB.S.D'],
        message: 'Adding DB.S.D before DB.S.B would create a cycle: DB.S.B → DB.S.D → DB.S.B.',
      },
    ]);
    expect(predecessorProblems(tasks, 'DB.S.X', ['DB.S.X'])[0]).toMatchObject({ code: 'cycle', message: expect.stringContaining('DB.S.X → DB.S.X') });
  });

  it('does not count a predecessor being removed: moving B from A to D is still a cycle, moving D to A is not', () => {
    expect(predecessorProblems(tasks, 'DB.S.B', ['DB.S.D']).map((p) => p.code)).toEqual(['cycle']);
    expect(predecessorProblems(tasks, 'DB.S.D', ['DB.S.A'])).toEqual([]);
  });

  it('reports the predecessor and children limits', () => {
    // 101 siblings under one root, so joining them all makes one graph.
    const many = Array.from({ length: TASK_GRAPH_LIMITS.predecessorsPerTask + 1 }, (_, i) => taskDefinition(`P${i}`, { predecessors: ['DB.S.R'] }));
    expect(predecessorProblems([taskDefinition('R'), ...many], 'DB.S.NEW', many.map((t) => t.name))).toEqual([
      { code: 'too_many_predecessors', tasks: ['DB.S.NEW'], message: 'Task DB.S.NEW has 101 predecessors; a task can have at most 100.' },
    ]);
    const parent = taskDefinition('P');
    const children = Array.from({ length: TASK_GRAPH_LIMITS.childrenPerTask }, (_, i) => taskDefinition(`K${i}`, { predecessors: ['DB.S.P'] }));
    expect(predecessorProblems([parent, ...children], 'DB.S.NEW', ['DB.S.P'])).toEqual([
      { code: 'too_many_children', tasks: ['DB.S.P'], message: 'Task DB.S.P has 101 child tasks; a task can have at most 100.' },
    ]);
  });

  it('reports a graph growing past 1000 tasks', () => {
    const chain = Array.from({ length: TASK_GRAPH_LIMITS.tasksPerGraph }, (_, i) => taskDefinition(`T${i}`, { predecessors: i === 0 ? [] : [`DB.S.T${i - 1}`] }));
    expect(predecessorProblems(chain, 'DB.S.NEW', ['DB.S.T999'])).toEqual([
      {
        code: 'too_many_tasks',
        tasks: ['DB.S.T0'],
        message: 'Task graph of root DB.S.T0 has 1001 tasks; a graph can have at most 1000, root included.',
      },
    ]);
  });

  it('keeps a graph in one schema and under one root', () => {
    expect(predecessorProblems(tasks, 'OTHER.S.NEW', ['DB.S.D']).map((p) => p.code)).toEqual(['mixed_schemas']);
    expect(predecessorProblems(tasks, 'DB.S.NEW', ['DB.S.D', 'DB.S.X']).map((p) => p.code)).toEqual(['several_roots']);
  });
});

describe('finalizerProblems', () => {
  it('allows one finalizer per root, of a root, without children', () => {
    expect(finalizerProblems(tasks, 'DB.S.NEW', null)).toEqual([]);
    expect(finalizerProblems(tasks, 'DB.S.NEW', 'DB.S.X')).toEqual([]);
    expect(finalizerProblems(tasks, 'DB.S.NEW', 'DB.S.A').map((p) => p.message)).toEqual([
      'Root task DB.S.A has more than one finalizer (DB.S.F, DB.S.NEW); a root has at most one.',
    ]);
    expect(finalizerProblems(tasks, 'DB.S.NEW', 'DB.S.B').map((p) => p.message)).toEqual([
      'Finalizer task DB.S.NEW finalizes DB.S.B, which is not a root task.',
    ]);
    expect(finalizerProblems(tasks, 'DB.S.C', 'DB.S.X').map((p) => p.message)).toEqual(['Finalizer task DB.S.C cannot have child tasks (DB.S.D).']);
  });

  it('offers roots other than the task itself', () => {
    expect(finalizerChoices(tasks, 'DB.S.X').map((t) => t.name)).toEqual(['DB.S.A']);
  });
});

describe('graphRootsOf', () => {
  it('finds the roots of the graphs a change touches: up predecessors, from a finalizer to its root, a standalone task itself', () => {
    expect(graphRootsOf(tasks, ['DB.S.D']).map((t) => t.name)).toEqual(['DB.S.A']);
    expect(graphRootsOf(tasks, ['DB.S.F', 'DB.S.X', null, 'DB.S.NEW']).map((t) => t.name)).toEqual(['DB.S.X', 'DB.S.A']);
  });

  it('stops on a cycle instead of looping', () => {
    const looped = [taskDefinition('P', { predecessors: ['DB.S.Q'] }), taskDefinition('Q', { predecessors: ['DB.S.P'] })];
    expect(graphRootsOf(looped, ['DB.S.P'])).toEqual([]);
  });
});
