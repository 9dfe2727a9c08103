import type { Category } from '../corpus-case';

export const aggregates: Category = [
  { source: 'functions/booland_agg', setup: ['CREATE TABLE test_boolean_agg (id INT, c1 BOOLEAN, c2 BOOLEAN)', 'INSERT INTO test_boolean_agg VALUES (1, TRUE, TRUE), (2, TRUE, FALSE)'], sql: 'SELECT BOOLAND_AGG(c1), BOOLAND_AGG(c2), BOOLOR_AGG(c2) FROM test_boolean_agg', rows: [[true, false, true]] },
];
