/**
 * TRY(expr) over a value bound to `v`, for the string and regex macros. DuckDB refuses TRY around
 * an expression that can raise (a volatile ERROR somewhere in the argument, e.g. a nested string
 * function's BINARY check), but not around a lambda's parameter, so the value is passed in as one.
 * https://duckdb.org/docs/stable/sql/expressions/try
 */
export const tryOn = (value: string, expr: string) => `list_transform([${value}], lambda v: TRY(${expr}))[1]`;
