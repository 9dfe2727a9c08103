/**
 * The query and DML forms analysts write that DuckDB writes otherwise, rewritten in one pass over
 * the upper-cased statement, before the function families: CONNECT BY first (into a recursive CTE
 * whose joins and WITH the later rewrites leave as they are), set operators, LIMIT / FETCH and
 * TOP, the joins (DIRECTED, ASOF, a missing ON), WITH without RECURSIVE, UPDATE and MERGE
 * assignments, and last the NULL ordering of every DESC. MATCH_RECOGNIZE is refused before any
 * rewrite (match-recognize.ts); MERGE's counts and UPDATE … FROM's are statement plans
 * (merge-plan.ts, update-plan.ts).
 * https://docs.snowflake.com/en/sql-reference/constructs
 */
import { asofJoins } from './asof-join';
import { connectBy } from './connect-by';
import { directedJoins } from './directed-join';
import { dmlAssignments } from './dml-assignments';
import { joinConditions } from './join-conditions';
import { limitFetch } from './limit-fetch';
import { minusOperator } from './minus-operator';
import { snowflakeNullOrdering } from './null-ordering';
import { recursiveCtes } from './recursive-cte';
import { topN } from './top-n';

export function snowflakeQueryForms(sql: string): string {
  const hierarchical = connectBy(sql);
  const limited = topN(limitFetch(minusOperator(hierarchical)));
  const joined = joinConditions(asofJoins(directedJoins(limited)));
  return snowflakeNullOrdering(dmlAssignments(recursiveCtes(joined)));
}
