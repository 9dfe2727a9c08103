/**
 * How a macro fails with a Snowflake error while DuckDB runs it. The marker
 * `[SF <code> <sql state>] <message> [/SF]` travels in the text of a failed cast, which
 * `fromDuckDBError` (engine/snowflake-errors.ts) reads back wherever DuckDB quotes it (a CHECK
 * constraint quotes it inside its own message).
 *
 * Why a cast and not DuckDB's ERROR(): ERROR() has side effects, and DuckDB refuses to reuse
 * a select-list alias whose expression has any, so `SELECT TO_DATE(s) AS d, DATEADD(day, 1, d)`
 * or `SELECT a / b AS r, ROUND(r, 2)` (Snowflake reads a later item's reference to an earlier
 * alias as that expression) would fail. A cast has none. It is
 * still evaluated only where the value is needed: inside an untaken CASE branch it never runs,
 * and the planner, which tries constant expressions ahead of time, drops a failed attempt.
 * Indexing an empty list with the cast gives the expression DuckDB's NULL type, so it fits
 * wherever ERROR() did (any CASE branch, any cast).
 */

/** The marker's shape. Its end is ` [/SF]` in a cast's text, or the end of a UDF's message. */
export const RAISED_ERROR = /\[SF (\d{6}) ([0-9A-Z]{5})\] ([\s\S]*?)(?: \[\/SF\]|\)$|$)/;

/**
 * A SQL expression that fails the statement with the Snowflake error `code` / `sqlState`;
 * `message` is a SQL expression of type VARCHAR (a literal or a concatenation).
 */
export function raiseSql(code: string, sqlState: string, message: string): string {
  // The marker is split across literals: where DuckDB quotes the expression itself (a CHECK
  // constraint's message does, before the raised text), the mapper must not find it there.
  return `[][CAST('[' || 'SF ${code} ${sqlState}] ' || ${message} || ' [/' || 'SF]' AS INTEGER)]`;
}
