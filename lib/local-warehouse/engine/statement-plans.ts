/**
 * Runs a statement plan (dialect/statement-plan.ts) on the statement's connection: its steps in
 * one transaction when the plan is atomic, rolled back whole when a step fails, each step's
 * DuckDB error reported as Snowflake's. Also restores the result column names DuckDB made
 * unique (dialect/column-names.ts), which needs the catalog.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { deduplicatedNames } from '../dialect/column-names';
import type { PlanAnswer, StatementPlan } from '../dialect/plan-steps';
import { sqlString } from '../dialect/tokens';
import { fromDuckDBError, SnowflakeQueryError } from './snowflake-errors';

export async function runPlan(
  connection: DuckDBConnection,
  plan: StatementPlan,
  context: { database: string; statement: string },
): Promise<PlanAnswer> {
  const run = async (sql: string) => {
    try {
      const result = await connection.run(sql);
      return { names: result.columnNames(), rows: await result.getRows() };
    } catch (error) {
      throw new SnowflakeQueryError(fromDuckDBError(error, sql, context));
    }
  };
  if (!plan.atomic) return plan.execute(run);
  await connection.run('BEGIN TRANSACTION');
  try {
    const answer = await plan.execute(run);
    await connection.run('COMMIT');
    return answer;
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** `names` with the names DuckDB suffixed to make them unique put back, where no table has such a column. */
export async function restoreDuplicateNames(connection: DuckDBConnection, statement: string, names: string[]): Promise<string[]> {
  const restored = deduplicatedNames(statement, names);
  if (restored.size === 0) return names;
  const suffixed = [...restored.keys()].map((i) => sqlString(names[i].toUpperCase()));
  const result = await connection.run(`SELECT DISTINCT upper(column_name) FROM duckdb_columns() WHERE upper(column_name) IN (${suffixed.join(', ')})`);
  const real = new Set((await result.getRows()).map(([name]) => String(name)));
  return names.map((name, i) => (restored.has(i) && !real.has(name.toUpperCase()) ? (restored.get(i) as string) : name));
}
