import type { Category } from '../corpus-case';

export const numbers: Category = [
  { source: 'functions/div0', sql: 'SELECT 1/2, DIV0(1, 0), DIV0NULL(1, NULL), SQUARE(-3)', rows: [[0.5, 0, 0, 9]] },
];
