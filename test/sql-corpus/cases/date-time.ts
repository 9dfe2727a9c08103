import type { Category } from '../corpus-case';

export const dateTime: Category = [
  { source: 'functions/sysdate', sql: 'SELECT SYSDATE() <= CURRENT_TIMESTAMP()', rows: [[true]] },
];
