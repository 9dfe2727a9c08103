import type { Category } from '../corpus-case';

export const strings: Category = [
  { source: 'functions/startswith', sql: "SELECT STARTSWITH('coffee', 'co'), STARTSWITH('coffee', 'CO'), ENDSWITH('coffee', 'fee')", rows: [[true, false, true]] },
];
