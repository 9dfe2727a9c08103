/**
 * How a macro fails with a Snowflake error while DuckDB runs it. DuckDB's ERROR(text) aborts
 * the statement with that text; the text carries the Snowflake code and SQL state in a marker
 * that `fromDuckDBError` (engine/snowflake-errors.ts) reads back, wherever DuckDB wraps it (a
 * CHECK constraint quotes it inside its own message).
 */

/** The marker's shape: `[SF <code> <sql state>] <message>`. */
export const RAISED_ERROR = /\[SF (\d{6}) ([0-9A-Z]{5})\] ([\s\S]*?)(?:\)$|$)/;

/**
 * A SQL expression that fails the statement with the Snowflake error `code` / `sqlState`;
 * `message` is a SQL expression of type VARCHAR (a literal or a concatenation).
 */
export function raiseSql(code: string, sqlState: string, message: string): string {
  return `ERROR('[SF ${code} ${sqlState}] ' || ${message})`;
}
