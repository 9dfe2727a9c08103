/** Graph builders shared by the task-graph tests. */
import type { GraphTask, TaskGraph } from './graph';

export function task(name: string, predecessors: string[] = [], extra: Partial<GraphTask> = {}): GraphTask {
  return { name, predecessors, state: 'started', ...extra };
}

/** The documented example: root A starts B and C in parallel, D after both; F finalizes A. */
export const diamondWithFinalizer: TaskGraph = {
  tasks: [task('A'), task('B', ['A']), task('C', ['A']), task('D', ['B', 'C']), task('F', [], { finalize: 'A' })],
};
