/**
 * Snowflake's statement and query forms that DuckDB writes otherwise, rewritten in one pass over
 * the upper-cased statement, in an order that keeps each rewrite's input Snowflake's: refusals
 * first (Time Travel, star modifier combinations DuckDB lacks), then CREATE TABLE's clauses,
 * then FROM items (DUAL, VALUES, sampling, PIVOT's names), then `$n` column positions.
 * The statements DuckDB cannot run as one statement are planned afterwards (statement-plan.ts).
 */
import { dropCopyGrants } from './copy-grants';
import { ctasColumnList } from './ctas-columns';
import { fromDual } from './dual';
import { pivotColumnNames } from './pivot';
import { positionalColumns } from './positional-columns';
import { sampleClauses } from './sample-clause';
import { refuseUnsupportedStarModifiers } from './star-modifiers';
import { refuseTimeTravel } from './time-travel';
import { valuesSources } from './values-source';

export function snowflakeStatementForms(sql: string): string {
  refuseTimeTravel(sql);
  refuseUnsupportedStarModifiers(sql);
  const created = ctasColumnList(dropCopyGrants(sql));
  const fromItems = pivotColumnNames(sampleClauses(valuesSources(fromDual(created))));
  return positionalColumns(fromItems);
}
