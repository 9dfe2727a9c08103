import type { Category } from '../corpus-case';

export const statements: Category = [
  { source: 'sql/select', sql: 'SELECT 1 AS one', rows: [[1]], columns: ['ONE'] },
];
