import type { Category } from '../corpus-case';

export const session: Category = [
  { source: 'sql/alter-session', sql: "ALTER SESSION SET QUERY_TAG = 'corpus'", rows: [['Statement executed successfully.']] },
];
