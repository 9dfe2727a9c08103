/**
 * Finding tasks by what the user types in a picker. Every qualified name starts with DB.SCHEMA,
 * so matching on the whole name alone would rank every task alike; the name's own part counts
 * first: exact, then prefix, then anywhere, then anywhere in the qualified name.
 */
import type { TaskDefinition } from './task-definition';

type Searchable = Pick<TaskDefinition, 'name' | 'shortName'>;

function rank(task: Searchable, needle: string): number | null {
  const short = task.shortName.toLowerCase();
  const full = task.name.toLowerCase();
  if (short === needle || full === needle) return 0;
  if (short.startsWith(needle)) return 1;
  if (short.includes(needle)) return 2;
  if (full.includes(needle)) return 3;
  return null;
}

/** The tasks matching `query` (case-insensitive), best first; all of them, in order, for no query. */
export function searchTasks<T extends Searchable>(tasks: readonly T[], query: string): T[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...tasks];
  return tasks
    .map((task, index) => ({ task, index, rank: rank(task, needle) }))
    .filter((match): match is { task: T; index: number; rank: number } => match.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((match) => match.task);
}
