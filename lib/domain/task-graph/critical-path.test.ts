import { describe, expect, it } from 'vitest';
import { criticalPath, type TaskTimes } from './critical-path';
import { diamondWithFinalizer } from './graph.fixture';

const graph = diamondWithFinalizer;

const span = (startedAt: number | null, endedAt: number | null): TaskTimes => ({ startedAt, endedAt });

describe('criticalPath', () => {
  it('follows the predecessor that ended last, counting the waits', () => {
    const path = criticalPath(graph, { A: span(0, 10), B: span(12, 20), C: span(11, 40), D: span(45, 60) }, 100);
    expect(path.steps.map((s) => [s.task, s.waitedMs])).toEqual([['A', 0], ['C', 1], ['D', 5]]);
    expect(path.totalMs).toBe(60);
  });

  it('breaks a tie with the predecessor listed first', () => {
    const path = criticalPath(graph, { A: span(0, 10), B: span(10, 30), C: span(10, 30), D: span(30, 35) }, 100);
    expect(path.steps.map((s) => s.task)).toEqual(['A', 'B', 'D']);
  });

  it('ends at the finalizer, reached through the last task it waited for', () => {
    const path = criticalPath(graph, { A: span(0, 10), B: span(10, 50), C: span(10, 20), D: span(20, 30), F: span(52, 55) }, 100);
    expect(path.steps.map((s) => [s.task, s.waitedMs])).toEqual([['A', 0], ['B', 0], ['F', 2]]);
    expect(path.totalMs).toBe(55);
  });

  it('uses now for a running task and skips tasks that never started', () => {
    const path = criticalPath(graph, { A: span(0, 10), B: span(10, null), C: span(10, 15), D: span(null, null) }, 70);
    expect(path.steps.map((s) => [s.task, s.endedAt])).toEqual([['A', 10], ['B', 70]]);
    expect(path.totalMs).toBe(70);
  });

  it('is empty before anything started', () => {
    expect(criticalPath(graph, {}, 5)).toEqual({ steps: [], totalMs: 0 });
  });
});
