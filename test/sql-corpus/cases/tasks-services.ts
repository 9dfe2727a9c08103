import type { Category } from '../corpus-case';

export const tasksServices: Category = [
  { source: 'sql/show-tasks', sql: 'SHOW TASKS', rows: [] },
];
