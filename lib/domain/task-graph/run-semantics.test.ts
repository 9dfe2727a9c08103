import { describe, expect, it } from 'vitest';
import type { TaskGraph } from './graph';
import { diamondWithFinalizer, task as t } from './graph.fixture';
import { nextRunStep, type RunStep, type TaskRunState } from './run-semantics';


const graph = diamondWithFinalizer;


const step = (outcomes: Record<string, TaskRunState>, suspended: string[] = [], g: TaskGraph = graph): RunStep =>
  nextRunStep({ graph: g, root: 'A', outcomes, suspended: new Set(suspended) });

const running = (start: string[], blocked: string[] = []): RunStep => ({ start, blocked, complete: false, state: 'EXECUTING' });
const done = (state: RunStep['state'], blocked: string[] = []): RunStep => ({ start: [], blocked, complete: true, state });

describe('nextRunStep', () => {
  const cases: { rule: string; outcomes: Record<string, TaskRunState>; suspended?: string[]; expected: RunStep }[] = [
    { rule: 'a new run starts its root', outcomes: {}, expected: running(['A']) },
    { rule: 'nothing starts while the root executes', outcomes: { A: 'EXECUTING' }, expected: running([]) },
    { rule: 'siblings start together once the root succeeded', outcomes: { A: 'SUCCEEDED' }, expected: running(['B', 'C']) },
    { rule: 'a child waits for ALL its predecessors', outcomes: { A: 'SUCCEEDED', B: 'SUCCEEDED', C: 'EXECUTING' }, expected: running([]) },
    { rule: 'a child starts when all predecessors succeeded', outcomes: { A: 'SUCCEEDED', B: 'SUCCEEDED', C: 'SUCCEEDED' }, expected: running(['D']) },
    { rule: 'the finalizer runs last, when nothing else runs', outcomes: { A: 'SUCCEEDED', B: 'SUCCEEDED', C: 'SUCCEEDED', D: 'SUCCEEDED' }, expected: running(['F']) },
    { rule: 'the run ends after the finalizer', outcomes: { A: 'SUCCEEDED', B: 'SUCCEEDED', C: 'SUCCEEDED', D: 'SUCCEEDED', F: 'SUCCEEDED' }, expected: done('SUCCEEDED') },
    { rule: "a FAILED task's dependents do not run, its siblings finish first", outcomes: { A: 'SUCCEEDED', B: 'FAILED', C: 'EXECUTING' }, expected: running([], ['D']) },
    { rule: 'the finalizer still runs after a failure', outcomes: { A: 'SUCCEEDED', B: 'FAILED', C: 'SUCCEEDED' }, expected: running(['F'], ['D']) },
    { rule: 'a failed run ends FAILED', outcomes: { A: 'SUCCEEDED', B: 'FAILED', C: 'SUCCEEDED', F: 'SUCCEEDED' }, expected: done('FAILED', ['D']) },
    { rule: 'auto-suspension counts as a failure', outcomes: { A: 'FAILED_AND_AUTO_SUSPENDED', F: 'SUCCEEDED' }, expected: done('FAILED', ['B', 'C', 'D']) },
    { rule: "a SKIPPED task's dependents do not run", outcomes: { A: 'SUCCEEDED', B: 'SKIPPED', C: 'SUCCEEDED' }, expected: running(['F'], ['D']) },
    { rule: 'a skipped child leaves the run SUCCEEDED', outcomes: { A: 'SUCCEEDED', B: 'SKIPPED', C: 'SUCCEEDED', F: 'SUCCEEDED' }, expected: done('SUCCEEDED', ['D']) },
    { rule: 'a skipped root skips the finalizer and the run', outcomes: { A: 'SKIPPED' }, expected: done('SKIPPED', ['B', 'C', 'D']) },
    { rule: 'a suspended child counts as succeeded', outcomes: { A: 'SUCCEEDED', C: 'SUCCEEDED' }, suspended: ['B'], expected: running(['D']) },
    { rule: 'all parents suspended: a multi-parent child does not run', outcomes: { A: 'SUCCEEDED' }, suspended: ['B', 'C'], expected: running(['F'], ['D']) },
    { rule: 'a suspended finalizer does not run', outcomes: { A: 'SUCCEEDED', B: 'SUCCEEDED', C: 'SUCCEEDED', D: 'SUCCEEDED' }, suspended: ['F'], expected: done('SUCCEEDED') },
    { rule: 'a suspended root still runs its run', outcomes: {}, suspended: ['A'], expected: running(['A']) },
    { rule: 'after a cancel nothing new starts but the finalizer', outcomes: { A: 'SUCCEEDED', B: 'CANCELLED' }, expected: running(['F'], ['D']) },
    { rule: 'a cancel outranks a failure', outcomes: { A: 'SUCCEEDED', B: 'CANCELLED', C: 'FAILED', F: 'SUCCEEDED' }, expected: done('CANCELLED', ['D']) },
  ];
  it.each(cases)('$rule', ({ outcomes, suspended, expected }) => {
    expect(step(outcomes, suspended)).toEqual(expected);
  });

  it('a suspended child whose parent failed blocks its dependents too', () => {
    const chain = { tasks: [t('A'), t('B', ['A']), t('C', ['B'])] };
    expect(step({ A: 'FAILED' }, ['B'], chain)).toEqual(done('FAILED', ['B', 'C']));
    expect(step({ A: 'SUCCEEDED' }, ['B'], chain)).toEqual(running(['C']));
  });

  it('ignores tasks of other graphs and runs without a finalizer', () => {
    const two = { tasks: [t('A'), t('B', ['A']), t('OTHER'), t('O2', ['OTHER'])] };
    expect(step({ A: 'SUCCEEDED' }, [], two)).toEqual(running(['B']));
    expect(step({ A: 'SUCCEEDED', B: 'SUCCEEDED' }, [], two)).toEqual(done('SUCCEEDED'));
  });
});
