/**
 * The query forms read every statement the warehouse runs, so none may fail on a statement it
 * does not understand with anything but Snowflake's error: on any sequence of the words and
 * symbols they look for (truncated, misordered, unbalanced), each either rewrites or throws a
 * SnowflakeQueryError, never a JavaScript error that would reach the client as such.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SnowflakeQueryError } from '../engine/snowflake-errors';
import { directedJoins } from './directed-join';
import { mergePlan } from './merge-plan';
import { snowflakeQueryForms } from './query-forms';
import { updatePlan } from './update-plan';

const WORDS = [
  'SELECT', 'TOP', '2', 'DISTINCT', 'FROM', 'T', 'U', 'A', 'B', 'JOIN', 'LEFT', 'INNER', 'DIRECTED', 'ASOF', 'CROSS', 'LATERAL',
  'MATCH_CONDITION', 'ON', 'USING', 'FIRST', 'LAST', 'WHERE', 'ORDER', 'BY', 'DESC', 'NULLS', 'LIMIT', 'OFFSET', 'FETCH', 'NEXT',
  'ROWS', 'ONLY', "''", '$$$$', 'UNION', 'ALL', 'MINUS', 'WITH', 'RECURSIVE', 'AS', 'START', 'CONNECT', 'PRIOR', 'LEVEL',
  'SYS_CONNECT_BY_PATH', 'CONNECT_BY_ROOT', 'MERGE', 'INTO', 'WHEN', 'MATCHED', 'NOT', 'THEN', 'UPDATE', 'SET', 'DELETE',
  'INSERT', 'VALUES', 'NAME', 'AND', 'OR', 'CASE', 'END', '(', ')', ',', '.', '=', '>=', '<', ';', '*',
];

const statements = fc.array(fc.constantFrom(...WORDS), { maxLength: 24 }).map((words) => words.join(' '));

function onlySnowflakeErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SnowflakeQueryError);
  }
}

describe('query forms on any statement', () => {
  it('rewrite or refuse with a Snowflake error', () => {
    fc.assert(
      fc.property(statements, (sql) => {
        onlySnowflakeErrors(() => snowflakeQueryForms(sql));
        onlySnowflakeErrors(() => directedJoins(sql));
        onlySnowflakeErrors(() => mergePlan(sql));
        onlySnowflakeErrors(() => updatePlan(sql));
        onlySnowflakeErrors(() => mergePlan(`MERGE INTO T USING S ON T.K = S.K ${sql}`));
        onlySnowflakeErrors(() => updatePlan(`UPDATE T SET A = 1 ${sql}`));
        onlySnowflakeErrors(() => snowflakeQueryForms(`SELECT A FROM T ${sql}`));
      }),
      { numRuns: 3000 },
    );
  });
});
