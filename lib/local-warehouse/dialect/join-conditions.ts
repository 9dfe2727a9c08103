/**
 * A join without a condition: in Snowflake the ON clause of an inner or outer join is optional,
 * and a join without one pairs every row with every row (`t1 JOIN t2 WHERE …`,
 * `d INNER JOIN LATERAL (…) AS iv`). DuckDB requires ON or USING for those joins, so a join with
 * neither gets `ON TRUE`, which pairs every row with every row. CROSS and NATURAL joins take no
 * condition, and an ASOF join has its own (asof-join.ts).
 * https://docs.snowflake.com/en/sql-reference/constructs/join
 */
import { joinClauses } from './join-clauses';
import { applyEdits, significantTokens, type Edit } from './tokens';

const WITHOUT_CONDITION = ['CROSS', 'NATURAL', 'ASOF'];

export function joinConditions(sql: string): string {
  const tokens = significantTokens(sql);
  const edits: Edit[] = [];
  for (const join of joinClauses(tokens)) {
    if (join.condition !== -1 || join.kind.some((word) => WITHOUT_CONDITION.includes(word))) continue;
    const last = tokens[join.end - 1];
    if (join.end - 1 > join.join) edits.push({ start: last.end, end: last.end, text: ' ON TRUE' });
  }
  return applyEdits(sql, edits);
}
