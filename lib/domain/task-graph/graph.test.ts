import { describe, expect, it } from 'vitest';
import {
  graphRoots,
  checkAddPredecessors,
  childrenMap,
  findCycle,
  roots,
  schemaOf,
  TASK_GRAPH_LIMITS,
  TaskGraphError,
  topologicalOrder,
  validateGraph,
  type GraphTask,
  type TaskGraph,
} from './graph';
import { diamondWithFinalizer, task } from './graph.fixture';

/** Tasks in schema DB.S, named and linked by their short names. */
const t = (name: string, predecessors: string[] = [], extra: Partial<GraphTask> = {}): GraphTask =>
  task(`DB.S.${name}`, predecessors.map((p) => `DB.S.${p}`), extra);

/** The documented example: a root that starts B and C in parallel and D after both. */
const diamond: TaskGraph = { tasks: [t('D', ['B', 'C']), t('B', ['A']), t('C', ['A']), t('A', [], { schedule: '1 MINUTE' })] };

describe('structure', () => {
  it('finds roots, children and a topological order with predecessors first', () => {
    expect(roots(diamond)).toEqual(['DB.S.A']);
    expect(childrenMap(diamond).get('DB.S.A')).toEqual(['DB.S.B', 'DB.S.C']);
    expect(topologicalOrder(diamond)).toEqual(['DB.S.A', 'DB.S.B', 'DB.S.C', 'DB.S.D']);
  });

  it('puts a finalizer last and does not count it as a root', () => {
    const graph = { tasks: [t('F', [], { finalize: 'DB.S.A' }), ...diamond.tasks] };
    expect(roots(graph)).toEqual(['DB.S.A']);
    expect(topologicalOrder(graph).at(-1)).toBe('DB.S.F');
    expect(validateGraph(graph)).toEqual([]);
  });

  it('refuses to order a cycle, naming its path', () => {
    const graph = { tasks: [t('A'), t('B', ['A', 'C']), t('C', ['B'])] };
    expect(findCycle(graph)).toEqual(['DB.S.B', 'DB.S.C', 'DB.S.B']);
    expect(() => topologicalOrder(graph)).toThrow(TaskGraphError);
    expect(() => topologicalOrder(graph)).toThrow('Task graph has a cycle: DB.S.B → DB.S.C → DB.S.B.');
  });

  it('reads the schema of quoted and bare names', () => {
    expect(schemaOf('DB.S.T')).toBe('DB.S');
    expect(schemaOf('"my.db"."S 1".T')).toBe('"my.db"."S 1"');
    expect(schemaOf('S.T')).toBeNull();
  });
});

describe('validateGraph', () => {
  const fanOut = (n: number) => Array.from({ length: n }, (_, i) => t(`C${i}`, ['A']));
  const cases: { rule: string; graph: TaskGraph; message: string }[] = [
    { rule: 'cycle', graph: { tasks: [t('A'), t('B', ['A', 'D']), t('C', ['B']), t('D', ['C'])] }, message: 'Task graph has a cycle: DB.S.B → DB.S.C → DB.S.D → DB.S.B.' },
    { rule: '100 predecessors', graph: { tasks: [t('A'), ...fanOut(101), t('Z', fanOut(101).map((c) => c.name.slice(5)))] }, message: 'Task DB.S.Z has 101 predecessors; a task can have at most 100.' },
    { rule: '100 children', graph: { tasks: [t('A'), ...fanOut(101)] }, message: 'Task DB.S.A has 101 child tasks; a task can have at most 100.' },
    {
      rule: '1000 tasks, root included',
      graph: { tasks: [t('A'), ...Array.from({ length: 1000 }, (_, i) => t(`C${i}`, [i === 0 ? 'A' : `C${i - 1}`]))] },
      message: 'Task graph of root DB.S.A has 1001 tasks; a graph can have at most 1000, root included.',
    },
    { rule: 'one schema', graph: { tasks: [t('A'), { name: 'DB.OTHER.B', predecessors: ['DB.S.A'], state: 'started' }] }, message: "Task DB.OTHER.B is in schema DB.OTHER but its graph's root DB.S.A is in DB.S; all tasks in a graph share one schema." },
    { rule: 'schedule only on the root', graph: { tasks: [t('A'), t('B', ['A'], { schedule: '5 MINUTES' })] }, message: 'Task DB.S.B runs after other tasks and cannot have a SCHEDULE; only a root task is scheduled.' },
    { rule: 'finalizer without children', graph: { tasks: [t('A'), t('F', [], { finalize: 'DB.S.A' }), t('X', ['F'])] }, message: 'Finalizer task DB.S.F cannot have child tasks (DB.S.X).' },
    { rule: 'finalizer without schedule', graph: { tasks: [t('A'), t('F', [], { finalize: 'DB.S.A', schedule: '1 HOURS' })] }, message: 'Finalizer task DB.S.F cannot have a SCHEDULE.' },
    { rule: 'finalizer of a root', graph: { tasks: [t('A'), t('B', ['A']), t('F', [], { finalize: 'DB.S.B' })] }, message: 'Finalizer task DB.S.F finalizes DB.S.B, which is not a root task.' },
    { rule: 'one finalizer per root', graph: { tasks: [t('A'), t('F', [], { finalize: 'DB.S.A' }), t('G', [], { finalize: 'DB.S.A' })] }, message: 'Root task DB.S.A has more than one finalizer (DB.S.F, DB.S.G); a root has at most one.' },
    { rule: 'one root per graph', graph: { tasks: [t('A'), t('R'), t('B', ['A', 'R'])] }, message: 'Task DB.S.B is in the graphs of two roots, DB.S.A and DB.S.R; a task graph has one root.' },
    { rule: 'known predecessors', graph: { tasks: [t('B', ['NOPE'])] }, message: 'Task DB.S.B runs after DB.S.NOPE, which does not exist.' },
    { rule: 'fully qualified names', graph: { tasks: [{ name: 'T', predecessors: [], state: 'started' }] }, message: 'Task name T is not fully qualified as DB.SCHEMA.NAME.' },
  ];
  it.each(cases)('enforces $rule', ({ graph, message }) => {
    expect(validateGraph(graph).map((p) => p.message)).toContain(message);
  });

  it('accepts the limits themselves', () => {
    const atLimit = { tasks: [t('A'), ...fanOut(TASK_GRAPH_LIMITS.childrenPerTask), t('Z', fanOut(100).map((c) => c.name.slice(5)))] };
    expect(validateGraph(atLimit)).toEqual([]);
    expect(validateGraph(diamond)).toEqual([]);
  });
});

describe('checkAddPredecessors', () => {
  it('names the cycle an ADD AFTER would create, through the altered task', () => {
    expect(checkAddPredecessors(diamond, 'DB.S.B', ['DB.S.D'])).toEqual([
      { code: 'cycle', tasks: ['DB.S.B', 'DB.S.D'], message: 'Adding DB.S.D before DB.S.B would create a cycle: DB.S.B → DB.S.D → DB.S.B.' },
    ]);
    expect(checkAddPredecessors(diamond, 'DB.S.A', ['DB.S.A'])[0].message).toBe('Adding DB.S.A before DB.S.A would create a cycle: DB.S.A → DB.S.A.');
  });

  it('passes a valid change and reports the limit a change would break', () => {
    expect(checkAddPredecessors(diamond, 'DB.S.D', ['DB.S.A'])).toEqual([]);
    const wide = { tasks: [t('A'), ...Array.from({ length: 100 }, (_, i) => t(`C${i}`, ['A'])), t('X')] };
    const problems = checkAddPredecessors(wide, 'DB.S.X', ['DB.S.A']);
    expect(problems.map((p) => p.code)).toEqual(['too_many_children']);
    expect(problems[0].message).toBe('Task DB.S.A has 101 child tasks; a task can have at most 100.');
  });

  it('reports the schedule a new child would keep, and unknown tasks', () => {
    expect(checkAddPredecessors(diamond, 'DB.S.A', ['DB.S.NEW']).map((p) => p.code)).toEqual(['unknown_task', 'schedule_on_child']);
    expect(checkAddPredecessors(diamond, 'DB.S.NONE', ['DB.S.A'])[0].message).toBe('Task DB.S.NONE does not exist.');
  });
});

describe('graphRoots', () => {
  it('walks up to the roots, from a finalizer to the root it finalizes, and skips unknown names', () => {
    const byName = new Map([...diamondWithFinalizer.tasks, task('X')].map((t) => [t.name, t]));
    const lookup = (name: string) => byName.get(name);
    expect(graphRoots(lookup, ['D'])).toEqual(['A']);
    expect(graphRoots(lookup, ['F', null, 'NOPE'])).toEqual(['A']);
    expect(graphRoots(lookup, ['X', 'B']).sort()).toEqual(['A', 'X']);
  });
});
